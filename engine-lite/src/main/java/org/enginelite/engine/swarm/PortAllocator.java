package org.enginelite.engine.swarm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.UnavailableException;
import org.enginelite.engine.service.PublishedPort;

/**
 * Published ports of services, which share the node's ports: a port is taken by at most one service, and
 * {@code -p 80} (published 0) gets the lowest free port of swarm's dynamic range 30000-32767.
 */
final class PortAllocator {

  static final int DYNAMIC_FIRST = 30000;
  static final int DYNAMIC_LAST = 32767;

  private PortAllocator() {}

  /**
   * The ports of {@code service} with dynamic ones assigned, or Docker's error when a port is used by one of
   * {@code others}.
   */
  static List<PublishedPort> assign(String service, List<PublishedPort> wanted, Collection<StoredService> others) {
    List<PublishedPort> out = new ArrayList<>();
    for (PublishedPort p : wanted) {
      if (p.published() == 0) {
        continue;
      }
      for (StoredService o : others) {
        for (PublishedPort q : o.spec().ports()) {
          if (q.published() == p.published() && q.protocol() == p.protocol()) {
            throw new InvalidParameterException("port '" + p.published() + "' is already in use by service '"
                + o.name() + "' (" + o.id() + ") as an ingress port");
          }
        }
      }
    }
    Set<Integer> taken = others.stream().flatMap(o -> o.spec().ports().stream()).map(PublishedPort::published)
        .collect(Collectors.toSet());
    wanted.stream().map(PublishedPort::published).forEach(taken::add);
    int next = DYNAMIC_FIRST;
    for (PublishedPort p : wanted) {
      if (p.published() != 0) {
        out.add(p);
        continue;
      }
      while (taken.contains(next)) {
        next++;
      }
      if (next > DYNAMIC_LAST) {
        throw new UnavailableException("service " + service + ": no free port left in " + DYNAMIC_FIRST + "-"
            + DYNAMIC_LAST);
      }
      taken.add(next);
      out.add(new PublishedPort(next, p.target(), p.protocol(), p.mode()));
    }
    return out;
  }
}
