package org.enginelite.ingress.udp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/** Backend replies on a flow's socket go back to the client from the frontend's address. */
final class UdpReplyHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private final UdpListener listener;
  private final UdpFlow flow;

  UdpReplyHandler(UdpListener listener, UdpFlow flow) {
    super(false);
    this.listener = listener;
    this.flow = flow;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket reply) {
    if (!flow.listenerSocket.isWritable()) {
      reply.release();
      return;
    }
    // A reply keeps the flow alive as a request does.
    listener.flows().getIfPresent(flow.client);
    flow.countOut(reply.content().readableBytes());
    // The payload's reference moves to the outgoing packet.
    flow.listenerSocket.writeAndFlush(
        new DatagramPacket(reply.content(), flow.client), flow.listenerSocket.voidPromise());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // ICMP port unreachable surfaces here on a connected socket: the backend is gone.
    flow.backend.markFailed(listener.state().backoffNanos());
    listener.flows().invalidate(flow.client);
  }
}
