package org.enginelite.ingress;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.enginelite.ingress.tcp.TcpListener;
import org.enginelite.ingress.transport.Transport;
import org.enginelite.ingress.udp.UdpListener;

/**
 * An L4 load balancer: a group of event loops shared by any number of TCP and UDP frontends. Each frontend binds
 * one socket per event loop with SO_REUSEPORT, so the kernel spreads clients over every loop, and a connection
 * stays on the loop that accepted it (its backend connection too). Thread-safe.
 *
 * <pre>{@code
 * LoadBalancer lb = LoadBalancer.create();
 * Listener web = lb.listen(Frontend.tcp(new InetSocketAddress(4000)), List.of(task1, task2));
 * web.setBackends(List.of(task1, task2, task3));   // scale up; existing connections untouched
 * lb.close();
 * }</pre>
 */
public final class LoadBalancer implements AutoCloseable {
  private final Transport transport;
  private final EventLoopGroup group;
  private final int eventLoops;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private LoadBalancer(Transport transport, int eventLoops) {
    this.transport = transport;
    this.eventLoops = eventLoops;
    this.group = transport.newGroup(eventLoops, "el-ingress");
  }

  /** One event loop per available processor. */
  public static LoadBalancer create() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  /** A balancer with the given number of event loops (at least 1). */
  public static LoadBalancer create(int eventLoops) {
    if (eventLoops < 1) {
      throw new org.enginelite.driver.InvalidParameterException("event loops must be at least 1: " + eventLoops);
    }
    return create(eventLoops, Transport.best());
  }

  /** A balancer with the given number of event loops (at least 1) on the given transport. */
  public static LoadBalancer create(int eventLoops, Transport transport) {
    if (eventLoops < 1) {
      throw new org.enginelite.driver.InvalidParameterException("event loops must be at least 1: " + eventLoops);
    }
    return new LoadBalancer(transport, eventLoops);
  }

  /**
   * Binds a frontend and starts forwarding to the given backends (may be empty: clients are then closed at
   * once until {@link Listener#setBackends} adds some).
   *
   * @throws org.enginelite.driver.ConflictException when the address is in use
   */
  public Listener listen(Frontend frontend, Collection<java.net.InetSocketAddress> backends) {
    if (closed) {
      throw new IllegalStateException("load balancer is closed");
    }
    Listener l =
        frontend.protocol() == Protocol.TCP
            ? TcpListener.start(frontend, backends, group, transport)
            : UdpListener.start(frontend, backends, group, transport);
    Listener tracked = new Tracked(l);
    listeners.add(tracked);
    return tracked;
  }

  public List<Listener> listeners() {
    return List.copyOf(listeners);
  }

  public int eventLoops() {
    return eventLoops;
  }

  /** Whether a native transport (io_uring or epoll: one listener per loop with SO_REUSEPORT) is in use. */
  public boolean isNative() {
    return transport.isNative();
  }

  public Transport transport() {
    return transport;
  }

  public LbStats stats() {
    List<FrontendStats> out = new ArrayList<>();
    for (Listener l : listeners) {
      out.add(l.stats());
    }
    return new LbStats(out);
  }

  /** Closes every listener and its connections, then stops the event loops. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Listener l : List.copyOf(listeners)) {
      l.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Removes itself from the balancer's list when closed. */
  private final class Tracked implements Listener {
    private final Listener delegate;

    Tracked(Listener delegate) {
      this.delegate = delegate;
    }

    @Override
    public Frontend frontend() {
      return delegate.frontend();
    }

    @Override
    public java.net.InetSocketAddress localAddress() {
      return delegate.localAddress();
    }

    @Override
    public void setBackends(Collection<java.net.InetSocketAddress> backends) {
      delegate.setBackends(backends);
    }

    @Override
    public List<java.net.InetSocketAddress> backends() {
      return delegate.backends();
    }

    @Override
    public FrontendStats stats() {
      return delegate.stats();
    }

    @Override
    public void close() {
      delegate.close();
      listeners.remove(this);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
