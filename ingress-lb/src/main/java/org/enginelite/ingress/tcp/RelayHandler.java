package org.enginelite.ingress.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * Reads one side of a session and writes to the other. Backpressure: when a write does not complete at once
 * (the peer's socket buffer is full), reading this side stops until that write is done, so at most one read
 * chunk per direction is ever queued in the process however slow the peer reads. While writes complete at once
 * reading stays on, which saves two epoll_ctl calls per chunk over re-arming after every write.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter implements ChannelFutureListener {
  private final TcpSession session;
  private final boolean fromClient;
  private ChannelHandlerContext ctx;

  RelayHandler(TcpSession session, boolean fromClient) {
    this.session = session;
    this.fromClient = fromClient;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ChannelFuture f = session.forward(fromClient, (ByteBuf) msg);
    if (f == null) {
      return;
    }
    if (!f.isDone()) {
      ctx.channel().config().setAutoRead(false);
      f.addListener(this);
    } else if (!f.isSuccess()) {
      session.close();
    }
  }

  /** A held-back write finished: read again, or give up on failure. */
  @Override
  public void operationComplete(ChannelFuture f) {
    if (f.isSuccess()) {
      ctx.channel().config().setAutoRead(true);
    } else {
      session.close();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      session.inputShutdown(fromClient);
    }
    ReferenceCountUtil.release(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets and broken pipes are how TCP peers leave; anything else closes the session the same way.
    if (!(cause instanceof IOException)) {
      ctx.fireExceptionCaught(cause);
    }
    session.close();
  }
}
