package org.enginelite.engine.swarm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * swarm.Info, the "Swarm" section of GET /info. {@code docker stack deploy} refuses to run unless
 * ControlAvailable is true; {@code docker info} prints the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwarmInfoJson(
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("NodeAddr") String nodeAddr,
    @JsonProperty("LocalNodeState") String localNodeState,
    @JsonProperty("ControlAvailable") boolean controlAvailable,
    @JsonProperty("Error") String error,
    @JsonProperty("RemoteManagers") List<Peer> remoteManagers,
    @JsonProperty("Nodes") Integer nodes,
    @JsonProperty("Managers") Integer managers,
    @JsonProperty("Cluster") ClusterJson cluster) {

  public record Peer(@JsonProperty("NodeID") String nodeId, @JsonProperty("Addr") String addr) {}

  /** What a node outside any swarm reports. */
  public static SwarmInfoJson inactive() {
    return new SwarmInfoJson("", "", "inactive", false, "", null, null, null, null);
  }
}
