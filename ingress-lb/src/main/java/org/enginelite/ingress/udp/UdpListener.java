package org.enginelite.ingress.udp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Collection;
import org.enginelite.ingress.AbstractListener;
import org.enginelite.ingress.Frontend;
import org.enginelite.ingress.FrontendStats;
import org.enginelite.ingress.pool.FrontendState;
import org.enginelite.ingress.transport.Transport;

/**
 * A UDP frontend. Each client address is a flow pinned to one backend through its own connected socket, so
 * replies find their way back; a flow expires after the idle timeout (Caffeine evicts it on a timer, not only
 * on the next access).
 */
public final class UdpListener extends AbstractListener {
  private final Cache<InetSocketAddress, UdpFlow> flows;

  private UdpListener(Frontend frontend, Collection<InetSocketAddress> backends, Transport transport) {
    super(frontend, backends, transport);
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
    bind(group, loop -> new Bootstrap()
        .group(loop)
        .channel(transport.datagramChannel())
        .handler(new UdpFrontendHandler(this)));
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
    return closed();
  }

  /** Flows open now (expired ones are evicted by a timer). */
  public long flowCount() {
    flows.cleanUp();
    return flows.estimatedSize();
  }

  @Override
  public FrontendStats stats() {
    flows.cleanUp();
    return super.stats();
  }

  @Override
  protected void closeConnections() {
    flows.invalidateAll();
    flows.cleanUp();
  }

  @Override
  public String toString() {
    return "udp listener " + state.boundAddress();
  }
}
