package org.enginelite.engine.swarm;

/**
 * The swarm this node manages, as saved in the state store. Times are RFC 3339 strings (the store keeps plain
 * JSON).
 *
 * @param advertiseAddr the address other nodes would join at, as {@code swarm init} prints it
 */
public record SwarmCluster(
    String id,
    String nodeId,
    String createdAt,
    String advertiseAddr,
    String workerToken,
    String managerToken) {}
