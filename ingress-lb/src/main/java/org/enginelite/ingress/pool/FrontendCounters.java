package org.enginelite.ingress.pool;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Frontend-wide counters, updated by every event loop (striped adders keep that cheap). */
public final class FrontendCounters {
  private final AtomicLong active = new AtomicLong();
  private final LongAdder total = new LongAdder();
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();

  public void opened() {
    active.incrementAndGet();
    total.increment();
  }

  public void closed() {
    active.decrementAndGet();
  }

  public void addBytesIn(long n) {
    bytesIn.add(n);
  }

  public void addBytesOut(long n) {
    bytesOut.add(n);
  }

  public long active() {
    return active.get();
  }

  public long total() {
    return total.sum();
  }

  public long bytesIn() {
    return bytesIn.sum();
  }

  public long bytesOut() {
    return bytesOut.sum();
  }
}
