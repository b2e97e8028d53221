package org.enginelite.engine.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * swarm.Service as GET /services returns it. ServiceStatus is what {@code docker service ls} shows as REPLICAS
 * (the CLI asks for it with {@code ?status=true}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceJson(
    @JsonProperty("ID") String id,
    @JsonProperty("Version") Version version,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("UpdatedAt") String updatedAt,
    @JsonProperty("Spec") ServiceSpecJson spec,
    @JsonProperty("Endpoint") Endpoint endpoint,
    @JsonProperty("ServiceStatus") ServiceStatus serviceStatus) {

  /** The object version the CLI echoes back on update (?version=N) for optimistic concurrency. */
  public record Version(@JsonProperty("Index") long index) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Endpoint(
      @JsonProperty("Spec") ServiceSpecJson.EndpointSpec spec,
      @JsonProperty("Ports") List<ServiceSpecJson.PortConfig> ports) {}

  public record ServiceStatus(
      @JsonProperty("RunningTasks") long runningTasks,
      @JsonProperty("DesiredTasks") long desiredTasks,
      @JsonProperty("CompletedTasks") long completedTasks) {}
}
