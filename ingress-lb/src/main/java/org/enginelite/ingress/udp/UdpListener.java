package org.enginelite.ingress.udp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.enginelite.driver.ConflictException;
import org.enginelite.ingress.Frontend;
import org.enginelite.ingress.FrontendStats;
import org.enginelite.ingress.Listener;
import org.enginelite.ingress.health.ActiveHealthChecker;
import org.enginelite.ingress.pool.FrontendState;
import org.enginelite.ingress.transport.Transport;

/**
 * A UDP frontend. Each client address is a flow pinned to one backend through its own connected socket, so
 * replies find their way back; a flow expires after the idle timeout (Caffeine evicts it on a timer, not only
 * on the next access).
 */
public final class UdpListener implements Listener {
  private final FrontendState state;
  private final Transport transport;
  private final List<Channel> sockets = new ArrayList<>();
  private final Cache<InetSocketAddress, UdpFlow> flows;
  private ActiveHealthChecker healthChecker;
  private volatile boolean closed;

  private UdpListener(Frontend frontend, Collection<InetSocketAddress> backends, Transport transport) {
    this.state = new FrontendState(frontend, backends);
    this.transport = transport;
    this.flows =
        Caffeine.newBuilder()
            .expireAfterAccess(frontend.options().udpIdleTimeout())
            .scheduler(Scheduler.systemScheduler())
            .removalListener(UdpListener::flowRemoved)
            .build();
  }

  public static UdpListener start(
      Frontend frontend, Collection<InetSocketAddress> backends, EventLoopGroup group, Transport transport) {
    UdpListener l = new UdpListener(frontend, backends, transport);
    try {
      l.bind(group);
    } catch (RuntimeException e) {
      l.close();
      throw e;
    }
    return l;
  }

  private static void flowRemoved(InetSocketAddress client, UdpFlow flow, RemovalCause cause) {
    if (flow != null) {
      flow.close();
    }
  }

  private void bind(EventLoopGroup group) {
    InetSocketAddress address = state.frontend().listen();
    for (EventExecutor executor : group) {
      EventLoop loop = (EventLoop) executor;
      Bootstrap b =
          new Bootstrap()
              .group(loop)
              .channel(transport.datagramChannel())
              .handler(new UdpFrontendHandler(this));
      if (transport.isNative()) {
        b.option(EpollChannelOption.SO_REUSEPORT, true);
      }
      ChannelFuture f = b.bind(address).awaitUninterruptibly();
      if (!f.isSuccess()) {
        throw new ConflictException("listen " + state.frontend() + ": " + f.cause().getMessage(), f.cause());
      }
      sockets.add(f.channel());
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

  FrontendState state() {
    return state;
  }

  Transport transport() {
    return transport;
  }

  Cache<InetSocketAddress, UdpFlow> flows() {
    return flows;
  }

  boolean isClosed() {
    return closed;
  }

  /** Flows open now (expired ones are evicted by a timer). */
  public long flowCount() {
    flows.cleanUp();
    return flows.estimatedSize();
  }

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
    flows.cleanUp();
    return state.stats();
  }

  @Override
  public synchronized void close() {
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
    flows.invalidateAll();
    flows.cleanUp();
  }

  @Override
  public String toString() {
    return "udp listener " + state.boundAddress();
  }
}
