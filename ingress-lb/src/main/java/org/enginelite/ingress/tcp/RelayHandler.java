package org.enginelite.ingress.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannelConfig;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.UnixChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads one side of a session and writes to the other.
 *
 * <p>Backpressure: a chunk is written without a future of its own, and reading this side stops only when the
 * peer channel turns unwritable (more than its high water mark, 64 KiB, waiting to go out); it resumes when the
 * peer's queue drains below the low mark. So at most 64 KiB plus one read chunk per direction is held in the
 * process however slow the peer reads. On io_uring every send completes later, so pausing after each pending
 * write would stop and restart reading for every request; on epoll writes mostly complete at once and reading
 * stays on, which saves two epoll_ctl calls per chunk.
 *
 * <p>Splice: once a direction has carried {@link #SPLICE_AFTER} bytes it is a bulk stream, and its payload moves
 * socket to pipe to socket inside the kernel (Netty's spliceTo, in chunks so the byte counters advance); small
 * request/response traffic stays on buffers, where splice would save nothing. Netty's splice reports the peer's
 * FIN before it has moved the bytes still queued in the socket, so after a FIN this side is drained with plain
 * reads, and the FIN is passed on only after them.
 */
final class RelayHandler extends ChannelDuplexHandler {
  static final int SPLICE_AFTER = 128 * 1024;
  static final int SPLICE_CHUNK = 64 * 1024;
  private static final int DRAIN_CHUNK = 64 * 1024;

  private final TcpSession session;
  private final boolean fromClient;
  private final ChunkDone chunkDone = new ChunkDone();
  private final DrainResume drainResume = new DrainResume();
  private ChannelHandlerContext ctx;
  private long copied;
  private boolean splicing;
  private boolean inputDone;
  private boolean paused;

  RelayHandler(TcpSession session, boolean fromClient) {
    this.session = session;
    this.fromClient = fromClient;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  TcpSession session() {
    return session;
  }

  /**
   * Whether this direction moves by splice; a spliced side must see its FIN as an event (then it is drained),
   * never as an immediate close.
   */
  boolean isSplicing() {
    return splicing;
  }

  /** False for a backend socket whose connect failed: its late events are not the session's business. */
  private boolean current(ChannelHandlerContext ctx) {
    return fromClient || ctx.channel() == session.backendChannel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf) || !current(ctx)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    int n = ((ByteBuf) msg).readableBytes();
    Channel peer = session.relay(fromClient, (ByteBuf) msg);
    if (peer == null) {
      return;
    }
    if (!peer.isWritable()) {
      paused = true;
      ctx.channel().config().setAutoRead(false);
    }
    if (!splicing && (copied += n) >= SPLICE_AFTER && session.useSplice()) {
      splicing = true;
      // A spliced side's FIN must arrive as an event so the bytes still queued behind it are drained first.
      ((SocketChannelConfig) ctx.channel().config()).setAllowHalfClosure(true);
      spliceNextChunk();
    }
  }

  /** This side's socket took what was queued for it: the side that writes into it may read again. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && current(ctx)) {
      session.relayFrom(!fromClient).resume();
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void resume() {
    if (paused) {
      paused = false;
      if (!inputDone) {
        ctx.channel().config().setAutoRead(true);
      }
    }
  }

  /** After this side's FIN, nothing may re-arm reading (Netty's splice turns auto-read back on by itself). */
  @Override
  public void read(ChannelHandlerContext ctx) {
    if (!inputDone) {
      ctx.read();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent && !inputDone && current(ctx)) {
      if (splicing) {
        inputDone = true;
        ctx.channel().config().setAutoRead(false);
        drain();
      } else {
        session.inputShutdown(fromClient);
      }
    }
    ReferenceCountUtil.release(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets and broken pipes are how TCP peers leave; anything else closes the session the same way.
    if (!(cause instanceof IOException)) {
      ctx.fireExceptionCaught(cause);
    }
    if (current(ctx)) {
      session.close();
    } else {
      ctx.close();
    }
  }

  private void spliceNextChunk() {
    AbstractEpollStreamChannel self = (AbstractEpollStreamChannel) ctx.channel();
    AbstractEpollStreamChannel peer = (AbstractEpollStreamChannel) session.peerOf(fromClient);
    self.spliceTo(peer, SPLICE_CHUNK).addListener(chunkDone);
  }

  /** Reads what is left in the socket after its FIN, then passes the FIN on; pauses while the peer is full. */
  private void drain() {
    FileDescriptor fd = ((UnixChannel) ctx.channel()).fd();
    for (;;) {
      ByteBuf buf = ctx.alloc().directBuffer(DRAIN_CHUNK);
      int n;
      try {
        ByteBuffer nio = buf.internalNioBuffer(0, DRAIN_CHUNK);
        n = fd.read(nio, nio.position(), nio.limit());
      } catch (IOException e) {
        buf.release();
        session.close();
        return;
      }
      if (n <= 0) {
        buf.release();
        session.inputShutdown(fromClient);
        return;
      }
      buf.writerIndex(n);
      ChannelFuture f = session.forward(fromClient, buf);
      if (f == null) {
        return;
      }
      if (!f.isDone()) {
        f.addListener(drainResume);
        return;
      }
      if (!f.isSuccess()) {
        session.close();
        return;
      }
    }
  }

  /** A spliced chunk reached the peer: count it and splice the next one. */
  private final class ChunkDone implements ChannelFutureListener {
    @Override
    public void operationComplete(ChannelFuture f) {
      if (!f.isSuccess()) {
        session.close();
        return;
      }
      session.count(fromClient, SPLICE_CHUNK);
      if (!inputDone && ctx.channel().isActive()) {
        spliceNextChunk();
      }
    }
  }

  private final class DrainResume implements ChannelFutureListener {
    @Override
    public void operationComplete(ChannelFuture f) {
      if (f.isSuccess()) {
        drain();
      } else {
        session.close();
      }
    }
  }
}
