package org.enginelite.ingress.pool;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.enginelite.ingress.BackendStats;

/**
 * The live backend set of one frontend with its round-robin cursor. Event loops read an immutable array
 * (one volatile read per pick); {@link #setBackends} swaps it. Removed backends stay known while they drain.
 */
public final class BackendPool {
  private final AtomicInteger cursor = new AtomicInteger();
  private volatile Backend[] rotation = new Backend[0];
  /** Members and draining backends, in insertion order; guarded by this. */
  private final Map<InetSocketAddress, Backend> known = new LinkedHashMap<>();

  /** Replaces the set. Kept addresses keep their counters and health; removed ones drain. */
  public synchronized void setBackends(Collection<InetSocketAddress> addresses) {
    List<Backend> next = new ArrayList<>(addresses.size());
    for (InetSocketAddress a : new java.util.LinkedHashSet<>(addresses)) {
      Backend b = known.computeIfAbsent(a, Backend::new);
      b.setDraining(false);
      next.add(b);
    }
    for (Backend b : known.values()) {
      if (!next.contains(b)) {
        b.setDraining(true);
      }
    }
    rotation = next.toArray(new Backend[0]);
    forgetDrained();
  }

  /** Current members in order (draining ones excluded). */
  public List<InetSocketAddress> addresses() {
    Backend[] r = rotation;
    List<InetSocketAddress> out = new ArrayList<>(r.length);
    for (Backend b : r) {
      out.add(b.address());
    }
    return List.copyOf(out);
  }

  public Backend[] members() {
    return rotation;
  }

  /**
   * The next backend in round-robin order that is up or due for a re-probe; when every member is down, the
   * next one anyway (it may have come back, and refusing outright helps nobody). Null when the set is empty.
   */
  public Backend next() {
    Backend[] r = rotation;
    int n = r.length;
    if (n == 0) {
      return null;
    }
    long now = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Backend b = r[Math.floorMod(cursor.getAndIncrement(), n)];
      if (b.eligible(now)) {
        return b;
      }
    }
    return r[Math.floorMod(cursor.getAndIncrement(), n)];
  }

  public int size() {
    return rotation.length;
  }

  public synchronized List<BackendStats> snapshot() {
    forgetDrained();
    List<BackendStats> out = new ArrayList<>(known.size());
    for (Backend b : known.values()) {
      out.add(b.snapshot());
    }
    return out;
  }

  /** A draining backend with no connections left is forgotten, so stats stop listing it. */
  private void forgetDrained() {
    known.values().removeIf(b -> b.isDraining() && b.activeConnections() == 0);
  }
}
