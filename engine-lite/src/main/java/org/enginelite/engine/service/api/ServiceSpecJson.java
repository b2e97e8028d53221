package org.enginelite.engine.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * swarm.ServiceSpec as the API carries it. Only the fields this engine applies are modelled; the others the
 * docker CLI sends (UpdateConfig, RollbackConfig, Isolation ...) are ignored on read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceSpecJson(
    @JsonProperty("Name") String name,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("TaskTemplate") TaskTemplate taskTemplate,
    @JsonProperty("Mode") Mode mode,
    @JsonProperty("EndpointSpec") EndpointSpec endpointSpec) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TaskTemplate(
      @JsonProperty("ContainerSpec") ContainerSpec containerSpec,
      @JsonProperty("Resources") Resources resources,
      @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
      @JsonProperty("Placement") Placement placement,
      @JsonProperty("Networks") List<NetworkAttachmentConfig> networks,
      @JsonProperty("ForceUpdate") Long forceUpdate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ContainerSpec(
      @JsonProperty("Image") String image,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("Command") List<String> command,
      @JsonProperty("Args") List<String> args,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Mounts") List<Mount> mounts) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Mount(
      @JsonProperty("Type") String type,
      @JsonProperty("Source") String source,
      @JsonProperty("Target") String target,
      @JsonProperty("ReadOnly") Boolean readOnly) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Resources(@JsonProperty("Limits") Limits limits) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Limits(
      @JsonProperty("NanoCPUs") Long nanoCpus, @JsonProperty("MemoryBytes") Long memoryBytes) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RestartPolicy(@JsonProperty("Condition") String condition) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Placement(@JsonProperty("Constraints") List<String> constraints) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NetworkAttachmentConfig(
      @JsonProperty("Target") String target, @JsonProperty("Aliases") List<String> aliases) {}

  /** Exactly one of Replicated or Global (jobs are not supported). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Mode(
      @JsonProperty("Replicated") Replicated replicated,
      @JsonProperty("Global") Map<String, Object> global,
      @JsonProperty("ReplicatedJob") Map<String, Object> replicatedJob,
      @JsonProperty("GlobalJob") Map<String, Object> globalJob) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Replicated(@JsonProperty("Replicas") Long replicas) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EndpointSpec(@JsonProperty("Mode") String mode, @JsonProperty("Ports") List<PortConfig> ports) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PortConfig(
      @JsonProperty("Name") String name,
      @JsonProperty("Protocol") String protocol,
      @JsonProperty("TargetPort") Integer targetPort,
      @JsonProperty("PublishedPort") Integer publishedPort,
      @JsonProperty("PublishMode") String publishMode) {}
}
