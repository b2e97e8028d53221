package org.enginelite.ingress;

import java.util.List;

/**
 * Immutable snapshot of every frontend of a {@link LoadBalancer}, taken at one moment; safe to serialize.
 *
 * @param frontends one entry per listener, in the order they were started
 */
public record LbStats(List<FrontendStats> frontends) {
  public LbStats {
    frontends = List.copyOf(frontends);
  }
}
