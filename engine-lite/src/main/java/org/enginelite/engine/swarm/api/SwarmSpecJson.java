package org.enginelite.engine.swarm.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** swarm.Spec with swarmkit's defaults, which {@code docker info} and {@code docker swarm init} print. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SwarmSpecJson(
    @JsonProperty("Name") String name,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Orchestration") Orchestration orchestration,
    @JsonProperty("Raft") Raft raft,
    @JsonProperty("Dispatcher") Dispatcher dispatcher,
    @JsonProperty("CAConfig") CaConfig caConfig,
    @JsonProperty("TaskDefaults") Map<String, Object> taskDefaults,
    @JsonProperty("EncryptionConfig") EncryptionConfig encryptionConfig) {

  public record Orchestration(@JsonProperty("TaskHistoryRetentionLimit") long taskHistoryRetentionLimit) {}

  public record Raft(
      @JsonProperty("SnapshotInterval") long snapshotInterval,
      @JsonProperty("KeepOldSnapshots") long keepOldSnapshots,
      @JsonProperty("LogEntriesForSlowFollowers") long logEntriesForSlowFollowers,
      @JsonProperty("ElectionTick") int electionTick,
      @JsonProperty("HeartbeatTick") int heartbeatTick) {}

  public record Dispatcher(@JsonProperty("HeartbeatPeriod") long heartbeatPeriodNanos) {}

  public record CaConfig(@JsonProperty("NodeCertExpiry") long nodeCertExpiryNanos) {}

  public record EncryptionConfig(@JsonProperty("AutoLockManagers") boolean autoLockManagers) {}

  /** swarmkit's defaults: 5 tasks of history per slot, 90-day certificates, 5 s heartbeats. */
  public static SwarmSpecJson defaults(int historyPerSlot) {
    return new SwarmSpecJson("default", Map.of(), new Orchestration(historyPerSlot),
        new Raft(10000, 0, 500, 10, 1), new Dispatcher(5_000_000_000L), new CaConfig(7_776_000_000_000_000L),
        Map.of(), new EncryptionConfig(false));
  }
}
