package org.enginelite.ingress;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.enginelite.driver.ConflictException;
import org.enginelite.ingress.health.ActiveHealthChecker;
import org.enginelite.ingress.pool.FrontendState;
import org.enginelite.ingress.transport.Transport;

/**
 * What the TCP and UDP listeners share: the frontend's state and backend pool, one socket per event loop bound
 * with SO_REUSEPORT, the optional active health checks, and an idempotent close.
 */
public abstract class AbstractListener implements Listener {
  protected final FrontendState state;
  protected final Transport transport;
  private final List<Channel> sockets = new ArrayList<>();
  private ActiveHealthChecker healthChecker;
  private volatile boolean closed;

  protected AbstractListener(Frontend frontend, Collection<InetSocketAddress> backends, Transport transport) {
    this.state = new FrontendState(frontend, backends);
    this.transport = transport;
  }

  /**
   * Binds one socket per event loop of {@code group} on the frontend's address (one only without the native
   * transport), then starts active health checks when the options ask for them.
   */
  protected final void bind(EventLoopGroup group, Function<EventLoop, AbstractBootstrap<?, ?>> bootstrapOnLoop) {
    InetSocketAddress address = state.frontend().listen();
    for (EventExecutor executor : group) {
      AbstractBootstrap<?, ?> b = bootstrapOnLoop.apply((EventLoop) executor);
      if (transport.isNative()) {
        b.option(UnixChannelOption.SO_REUSEPORT, true);
      }
      ChannelFuture f = b.bind(address).awaitUninterruptibly();
      if (!f.isSuccess()) {
        throw new ConflictException("listen " + state.frontend() + ": " + f.cause().getMessage(), f.cause());
      }
      sockets.add(f.channel());
      // Port 0: the first socket picked the port; the others join it.
      address = (InetSocketAddress) f.channel().localAddress();
      state.boundAddress(address);
      if (!transport.isNative()) {
        break;
      }
    }
    if (state.options().activeHealthChecks()) {
      healthChecker =
          new ActiveHealthChecker(
              state.pool(), group.next(), transport.socketChannel(), state.options().healthCheckInterval(),
              state.options().connectTimeout(), state.backoffNanos());
    }
  }

  protected final boolean closed() {
    return closed;
  }

  /** Closes what the listener's sockets accepted or opened (connections, flows); called once, from close. */
  protected abstract void closeConnections();

  @Override
  public Frontend frontend() {
    return state.frontend();
  }

  @Override
  public InetSocketAddress localAddress() {
    return state.boundAddress();
  }

  @Override
  public void setBackends(Collection<InetSocketAddress> backends) {
    state.pool().setBackends(backends);
  }

  @Override
  public List<InetSocketAddress> backends() {
    return state.pool().addresses();
  }

  @Override
  public FrontendStats stats() {
    return state.stats();
  }

  @Override
  public final synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (healthChecker != null) {
      healthChecker.close();
    }
    for (Channel s : sockets) {
      s.close().awaitUninterruptibly();
    }
    closeConnections();
  }
}
