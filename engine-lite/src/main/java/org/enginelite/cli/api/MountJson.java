package org.enginelite.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** mount.Mount as {@code --mount} produces it (HostConfig.Mounts, and a service's ContainerSpec.Mounts). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MountJson(
    @JsonProperty("Type") String type,
    @JsonProperty("Source") String source,
    @JsonProperty("Target") String target,
    @JsonProperty("ReadOnly") Boolean readOnly,
    @JsonProperty("BindOptions") BindOptions bindOptions,
    @JsonProperty("VolumeOptions") VolumeOptions volumeOptions,
    @JsonProperty("TmpfsOptions") TmpfsOptions tmpfsOptions) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BindOptions(@JsonProperty("Propagation") String propagation) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VolumeOptions(
      @JsonProperty("NoCopy") Boolean noCopy,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("DriverConfig") DriverConfig driverConfig) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DriverConfig(@JsonProperty("Name") String name, @JsonProperty("Options") Map<String, String> options) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TmpfsOptions(@JsonProperty("SizeBytes") Long sizeBytes, @JsonProperty("Mode") Integer mode) {}
}
