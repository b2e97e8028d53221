package org.enginelite.ingress.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.enginelite.ingress.pool.Backend;
import org.enginelite.ingress.pool.FrontendState;

/** Client datagrams arriving on one listener socket: find or make the client's flow, pass the payload on. */
final class UdpFrontendHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private final UdpListener listener;
  private final FrontendState state;

  UdpFrontendHandler(UdpListener listener) {
    super(false);
    this.listener = listener;
    this.state = listener.state();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    InetSocketAddress client = packet.sender();
    UdpFlow flow = listener.flows().getIfPresent(client);
    if (flow == null || !flow.isOpen()) {
      if (flow != null) {
        listener.flows().invalidate(client);
      }
      flow = open(ctx, client);
      if (flow == null) {
        packet.release();
        return;
      }
    }
    // The payload moves on without a copy; the packet's reference is the payload's.
    flow.toBackend(packet.content());
  }

  private UdpFlow open(ChannelHandlerContext ctx, InetSocketAddress client) {
    Backend backend = state.pool().next();
    if (backend == null || listener.isClosed()) {
      return null;
    }
    UdpFlow flow = new UdpFlow(client, ctx.channel(), backend, state.counters());
    flow.connecting(
        new Bootstrap()
            .group(ctx.channel().eventLoop())
            .channel(listener.transport().datagramChannel())
            .option(ChannelOption.AUTO_READ, true)
            .handler(new UdpReplyHandler(listener, flow))
            .connect(backend.address()));
    listener.flows().put(client, flow);
    return flow;
  }
}
