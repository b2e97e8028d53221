package org.enginelite.engine.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** swarm.Task as GET /tasks returns it; what {@code docker service ps} reads. Times are RFC 3339 strings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskJson(
    @JsonProperty("ID") String id,
    @JsonProperty("Version") ServiceJson.Version version,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("UpdatedAt") String updatedAt,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Spec") ServiceSpecJson.TaskTemplate spec,
    @JsonProperty("ServiceID") String serviceId,
    @JsonProperty("Slot") int slot,
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("Status") Status status,
    @JsonProperty("DesiredState") String desiredState) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      @JsonProperty("Timestamp") String timestamp,
      @JsonProperty("State") String state,
      @JsonProperty("Message") String message,
      @JsonProperty("Err") String err,
      @JsonProperty("ContainerStatus") ContainerStatus containerStatus) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContainerStatus(
      @JsonProperty("ContainerID") String containerId,
      @JsonProperty("PID") Integer pid,
      @JsonProperty("ExitCode") Integer exitCode) {}
}
