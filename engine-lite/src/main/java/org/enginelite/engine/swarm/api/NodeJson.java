package org.enginelite.engine.swarm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** swarm.Node as GET /nodes returns it: {@code docker node ls} and {@code docker service ps}'s NODE column. */
public record NodeJson(
    @JsonProperty("ID") String id,
    @JsonProperty("Version") ClusterJson.Version version,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("UpdatedAt") String updatedAt,
    @JsonProperty("Spec") Spec spec,
    @JsonProperty("Description") Description description,
    @JsonProperty("Status") Status status,
    @JsonProperty("ManagerStatus") ManagerStatus managerStatus) {

  public record Spec(
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("Role") String role,
      @JsonProperty("Availability") String availability) {}

  public record Description(
      @JsonProperty("Hostname") String hostname,
      @JsonProperty("Platform") Platform platform,
      @JsonProperty("Resources") Resources resources,
      @JsonProperty("Engine") Engine engine) {}

  public record Platform(@JsonProperty("Architecture") String architecture, @JsonProperty("OS") String os) {}

  public record Resources(@JsonProperty("NanoCPUs") long nanoCpus, @JsonProperty("MemoryBytes") long memoryBytes) {}

  public record Engine(
      @JsonProperty("EngineVersion") String engineVersion,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("Plugins") List<Map<String, String>> plugins) {}

  public record Status(@JsonProperty("State") String state, @JsonProperty("Addr") String addr) {}

  public record ManagerStatus(
      @JsonProperty("Leader") boolean leader,
      @JsonProperty("Reachability") String reachability,
      @JsonProperty("Addr") String addr) {}
}
