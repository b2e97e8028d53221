package org.enginelite.ingress;

import java.net.InetSocketAddress;

/**
 * Counters of one backend of one frontend; directions as in {@link FrontendStats}.
 *
 * @param address backend address
 * @param state whether new connections go to it
 * @param activeConnections connections open now
 * @param totalConnections connections made since it joined
 * @param bytesIn bytes forwarded to it
 * @param bytesOut bytes forwarded from it
 * @param failures refused or timed-out connects (passive and active checks)
 */
public record BackendStats(
    InetSocketAddress address,
    State state,
    long activeConnections,
    long totalConnections,
    long bytesIn,
    long bytesOut,
    long failures) {

  /** Rotation state of a backend. */
  public enum State {
    /** In the rotation. */
    UP,
    /** In the set but skipped after failures until its back-off ends or a health check succeeds. */
    DOWN,
    /** Removed from the set; its open connections continue until they end, no new ones arrive. */
    DRAINING
  }
}
