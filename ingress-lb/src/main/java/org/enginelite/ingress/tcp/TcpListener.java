package org.enginelite.ingress.tcp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Collection;
import org.enginelite.ingress.AbstractListener;
import org.enginelite.ingress.Frontend;
import org.enginelite.ingress.pool.FrontendState;
import org.enginelite.ingress.transport.Transport;

/** A TCP frontend: one listening socket per event loop (SO_REUSEPORT), each accepting onto its own loop. */
public final class TcpListener extends AbstractListener {
  /**
   * Reads take up to 1 MiB, so a bulk stream moves in few large chunks (measured: about a third more throughput on
   * one stream than Netty's 64 KiB cap); they start at 2 KiB and grow only while reads fill them, so request and
   * response traffic and idle connections keep small buffers. Backpressure ({@link RelayHandler}) holds at most
   * 64 KiB plus one such chunk per direction.
   */
  static final RecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(64, 2048, 1024 * 1024);

  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final CongestionControl backendCongestionControl;

  private TcpListener(Frontend frontend, Collection<InetSocketAddress> backends, Transport transport) {
    super(frontend, backends, transport);
    this.backendCongestionControl = CongestionControl.named(frontend.options().backendCongestionControl());
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
    if (backendCongestionControl != null) {
      backendCongestionControl.check(transport);
    }
    // Accepted sockets get TCP_NODELAY from Netty's defaults on Linux; setting it again costs a syscall each.
    bind(group, loop -> new ServerBootstrap()
        .group(loop, loop)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 4096)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
        .childHandler(new Init()));
  }

  FrontendState state() {
    return state;
  }

  Transport transport() {
    return transport;
  }

  /** The congestion control of backend connections, or null to keep the system's. */
  CongestionControl backendCongestionControl() {
    return backendCongestionControl;
  }

  /** The accepted client channels that are open. */
  ChannelGroup connections() {
    return connections;
  }

  @Override
  protected void closeConnections() {
    connections.close().awaitUninterruptibly();
  }

  @Override
  public String toString() {
    return "tcp listener " + state.boundAddress();
  }

  private final class Init extends ChannelInitializer<Channel> {
    @Override
    protected void initChannel(Channel client) {
      if (closed()) {
        client.close();
        return;
      }
      connections.add(client);
      new TcpSession(TcpListener.this, client).start();
    }
  }
}
