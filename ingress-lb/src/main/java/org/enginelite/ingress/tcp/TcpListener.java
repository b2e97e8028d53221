package org.enginelite.ingress.tcp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
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

/** A TCP frontend: one listening socket per event loop (SO_REUSEPORT), each accepting onto its own loop. */
public final class TcpListener implements Listener {
  private final FrontendState state;
  private final Transport transport;
  private final List<Channel> servers = new ArrayList<>();
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private ActiveHealthChecker healthChecker;
  private volatile boolean closed;

  private TcpListener(Frontend frontend, Collection<InetSocketAddress> backends, Transport transport) {
    this.state = new FrontendState(frontend, backends);
    this.transport = transport;
  }

  public static TcpListener start(
      Frontend frontend, Collection<InetSocketAddress> backends, EventLoopGroup group, Transport transport) {
    TcpListener l = new TcpListener(frontend, backends, transport);
    try {
      l.bind(group);
    } catch (RuntimeException e) {
      l.close();
      throw e;
    }
    return l;
  }

  private void bind(EventLoopGroup group) {
    InetSocketAddress address = state.frontend().listen();
    for (EventExecutor executor : group) {
      EventLoop loop = (EventLoop) executor;
      // Accepted sockets get TCP_NODELAY from Netty's defaults on Linux; setting it again costs a syscall each.
      ServerBootstrap b =
          new ServerBootstrap()
              .group(loop, loop)
              .channel(transport.serverChannel())
              .option(ChannelOption.SO_BACKLOG, 4096)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.AUTO_READ, false)
              .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
              .childHandler(new Init());
      if (transport.isNative()) {
        b.option(EpollChannelOption.SO_REUSEPORT, true);
      }
      ChannelFuture f = b.bind(address).awaitUninterruptibly();
      if (!f.isSuccess()) {
        throw new ConflictException(
            "listen " + state.frontend() + ": " + f.cause().getMessage(), f.cause());
      }
      servers.add(f.channel());
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
              state.pool(),
              group.next(),
              transport.socketChannel(),
              state.options().healthCheckInterval(),
              state.options().connectTimeout(),
              state.backoffNanos());
    }
  }

  FrontendState state() {
    return state;
  }

  Transport transport() {
    return transport;
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
    for (Channel s : servers) {
      s.close().awaitUninterruptibly();
    }
    connections.close().awaitUninterruptibly();
  }

  @Override
  public String toString() {
    return "tcp listener " + state.boundAddress();
  }

  private final class Init extends ChannelInitializer<Channel> {
    @Override
    protected void initChannel(Channel client) {
      if (closed) {
        client.close();
        return;
      }
      connections.add(client);
      new TcpSession(TcpListener.this, client).start();
    }
  }
}
