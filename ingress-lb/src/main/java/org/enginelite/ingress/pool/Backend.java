package org.enginelite.ingress.pool;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.enginelite.ingress.BackendStats;

/**
 * One backend address of one frontend: its health, its drain flag and its counters. Connections keep a
 * reference to it, so a backend removed from the set still counts the traffic of the connections it drains.
 */
public final class Backend {
  private static final int MAX_BACKOFF_SHIFT = 5;

  private final InetSocketAddress address;
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder total = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private volatile boolean down;
  private volatile long retryAtNanos;
  private volatile boolean draining;

  Backend(InetSocketAddress address) {
    this.address = address;
  }

  public InetSocketAddress address() {
    return address;
  }

  /** Whether a new connection may try it now: up, or down with its back-off over (the passive re-probe). */
  boolean eligible(long nowNanos) {
    return !down || nowNanos - retryAtNanos >= 0;
  }

  public boolean isDown() {
    return down;
  }

  boolean isDraining() {
    return draining;
  }

  void setDraining(boolean draining) {
    this.draining = draining;
  }

  /** A connect (real or probe) was refused or timed out: skip it for a back-off that doubles each time. */
  public void markFailed(long backoffNanos) {
    failures.increment();
    int n = consecutiveFailures.incrementAndGet();
    retryAtNanos = System.nanoTime() + (backoffNanos << Math.min(n - 1, MAX_BACKOFF_SHIFT));
    down = true;
  }

  /** A connect succeeded: back in the rotation. */
  public void markUp() {
    if (down || consecutiveFailures.get() != 0) {
      consecutiveFailures.set(0);
      down = false;
    }
  }

  public void connectionOpened() {
    active.incrementAndGet();
    total.increment();
  }

  public void connectionClosed() {
    active.decrementAndGet();
  }

  public int activeConnections() {
    return active.get();
  }

  public void addBytesIn(long n) {
    bytesIn.add(n);
  }

  public void addBytesOut(long n) {
    bytesOut.add(n);
  }

  BackendStats snapshot() {
    BackendStats.State state =
        draining ? BackendStats.State.DRAINING : down ? BackendStats.State.DOWN : BackendStats.State.UP;
    return new BackendStats(
        address, state, active.get(), total.sum(), bytesIn.sum(), bytesOut.sum(), failures.sum());
  }
}
