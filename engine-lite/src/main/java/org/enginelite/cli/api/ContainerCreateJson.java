package org.enginelite.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** POST /containers/create: container.Config with the HostConfig and NetworkingConfig the docker CLI adds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerCreateJson(
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("AttachStdin") boolean attachStdin,
    @JsonProperty("AttachStdout") boolean attachStdout,
    @JsonProperty("AttachStderr") boolean attachStderr,
    @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("OpenStdin") boolean openStdin,
    @JsonProperty("StdinOnce") boolean stdinOnce,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Image") String image,
    @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("HostConfig") HostConfigJson hostConfig,
    @JsonProperty("NetworkingConfig") NetworkingConfigJson networkingConfig) {

  /** container.HostConfig: the fields the CLI's flags set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HostConfigJson(
      @JsonProperty("Binds") List<String> binds,
      @JsonProperty("NetworkMode") String networkMode,
      @JsonProperty("PortBindings") Map<String, List<PortBindingJson>> portBindings,
      @JsonProperty("RestartPolicy") RestartPolicyJson restartPolicy,
      @JsonProperty("AutoRemove") boolean autoRemove,
      @JsonProperty("VolumesFrom") List<String> volumesFrom,
      @JsonProperty("PublishAllPorts") boolean publishAllPorts,
      @JsonProperty("Tmpfs") Map<String, String> tmpfs,
      @JsonProperty("Memory") long memory,
      @JsonProperty("NanoCpus") long nanoCpus,
      @JsonProperty("Mounts") List<MountJson> mounts) {}

  public record PortBindingJson(@JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {}

  public record RestartPolicyJson(
      @JsonProperty("Name") String name, @JsonProperty("MaximumRetryCount") int maximumRetryCount) {}

  public record NetworkingConfigJson(@JsonProperty("EndpointsConfig") Map<String, EndpointSettingsJson> endpoints) {}
}
