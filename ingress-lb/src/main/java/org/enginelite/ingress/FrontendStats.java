package org.enginelite.ingress;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Counters of one frontend. "In" is the client-to-backend direction, "out" the backend-to-client one; for UDP a
 * connection is a flow (one client address pinned to one backend).
 *
 * @param listen bound address (the real port when port 0 was asked for)
 * @param protocol TCP or UDP
 * @param activeConnections connections (flows) open now
 * @param totalConnections connections (flows) accepted since the start
 * @param bytesIn payload bytes forwarded from clients to backends
 * @param bytesOut payload bytes forwarded from backends to clients
 * @param backends current and draining backends
 */
public record FrontendStats(
    InetSocketAddress listen,
    Protocol protocol,
    long activeConnections,
    long totalConnections,
    long bytesIn,
    long bytesOut,
    List<BackendStats> backends) {
  public FrontendStats {
    backends = List.copyOf(backends);
  }
}
