package org.enginelite.ingress.pool;

import java.net.InetSocketAddress;
import java.util.Collection;
import org.enginelite.ingress.Frontend;
import org.enginelite.ingress.FrontendOptions;
import org.enginelite.ingress.FrontendStats;

/** What the data path of one frontend shares: its options, backend pool and counters. */
public final class FrontendState {
  private final Frontend frontend;
  private final BackendPool pool = new BackendPool();
  private final FrontendCounters counters = new FrontendCounters();
  private final long backoffNanos;
  private volatile InetSocketAddress boundAddress;

  public FrontendState(Frontend frontend, Collection<InetSocketAddress> backends) {
    this.frontend = frontend;
    this.backoffNanos = frontend.options().failureBackoff().toNanos();
    this.boundAddress = frontend.listen();
    pool.setBackends(backends);
  }

  public Frontend frontend() {
    return frontend;
  }

  public FrontendOptions options() {
    return frontend.options();
  }

  public BackendPool pool() {
    return pool;
  }

  public FrontendCounters counters() {
    return counters;
  }

  public long backoffNanos() {
    return backoffNanos;
  }

  public InetSocketAddress boundAddress() {
    return boundAddress;
  }

  public void boundAddress(InetSocketAddress a) {
    this.boundAddress = a;
  }

  public FrontendStats stats() {
    return new FrontendStats(
        boundAddress,
        frontend.protocol(),
        counters.active(),
        counters.total(),
        counters.bytesIn(),
        counters.bytesOut(),
        pool.snapshot());
  }
}
