package org.enginelite.ingress.health;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.enginelite.ingress.pool.Backend;
import org.enginelite.ingress.pool.BackendPool;

/**
 * Active TCP health checks: every interval, a connect to each member; success puts it (back) in the rotation,
 * refusal or timeout takes it out, as a refused client connect does.
 */
public final class ActiveHealthChecker implements AutoCloseable {
  private final BackendPool pool;
  private final Bootstrap bootstrap;
  private final long backoffNanos;
  private final ScheduledFuture<?> schedule;

  public ActiveHealthChecker(
      BackendPool pool,
      EventLoop loop,
      Class<? extends Channel> channelClass,
      Duration interval,
      Duration timeout,
      long backoffNanos) {
    this.pool = pool;
    this.backoffNanos = backoffNanos;
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.min(timeout.toMillis(), interval.toMillis()));
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(channelClass)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.max(1, timeoutMillis))
            .option(ChannelOption.AUTO_READ, false)
            .handler(NoHandler.INSTANCE);
    long period = interval.toNanos();
    this.schedule = loop.scheduleAtFixedRate(this::probeAll, 0, period, TimeUnit.NANOSECONDS);
  }

  private void probeAll() {
    for (Backend b : pool.members()) {
      bootstrap.connect(b.address()).addListener(new Probe(b));
    }
  }

  @Override
  public void close() {
    schedule.cancel(false);
  }

  /** Probe connections carry no data; one stateless handler serves them all. */
  @io.netty.channel.ChannelHandler.Sharable
  private static final class NoHandler extends ChannelInboundHandlerAdapter {
    static final NoHandler INSTANCE = new NoHandler();
  }

  private final class Probe implements ChannelFutureListener {
    private final Backend backend;

    Probe(Backend backend) {
      this.backend = backend;
    }

    @Override
    public void operationComplete(ChannelFuture f) {
      if (f.isSuccess()) {
        backend.markUp();
        f.channel().close();
      } else {
        backend.markFailed(backoffNanos);
      }
    }
  }
}
