package org.enginelite.engine.volume.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.enginelite.driver.volume.Volume;

/** Docker's {@code Volume} object, as {@code volume inspect} and {@code volume ls} show it. */
public record VolumeJson(
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Mountpoint") String mountpoint,
    @JsonProperty("Name") String name,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Scope") String scope) {

  public static VolumeJson of(Volume v) {
    return new VolumeJson(
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v.createdAt().truncatedTo(ChronoUnit.SECONDS)
            .atOffset(ZoneOffset.UTC)),
        v.driver(), v.labels(), v.mountpoint().toString(), v.name(), v.options(), v.scope().wireName());
  }
}
