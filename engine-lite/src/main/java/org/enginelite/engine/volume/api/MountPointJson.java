package org.enginelite.engine.volume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.enginelite.mount.MountPoint;

/** One entry of a container's {@code Mounts} in inspect and in the container list. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MountPointJson(
    @JsonProperty("Type") String type,
    @JsonProperty("Name") String name,
    @JsonProperty("Source") @JsonInclude(JsonInclude.Include.ALWAYS) String source,
    @JsonProperty("Destination") String destination,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Mode") @JsonInclude(JsonInclude.Include.ALWAYS) String mode,
    @JsonProperty("RW") @JsonInclude(JsonInclude.Include.ALWAYS) boolean rw,
    @JsonProperty("Propagation") @JsonInclude(JsonInclude.Include.ALWAYS) String propagation) {

  public static MountPointJson of(MountPoint m) {
    return new MountPointJson(m.type(), m.name(), m.source(), m.destination(), m.driver(), m.mode(), m.rw(),
        m.propagation());
  }
}
