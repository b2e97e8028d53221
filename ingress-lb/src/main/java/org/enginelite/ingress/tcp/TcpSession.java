package org.enginelite.ingress.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.DuplexChannel;
import java.util.ArrayDeque;
import org.enginelite.ingress.ProxyProtocol;
import org.enginelite.ingress.pool.Backend;
import org.enginelite.ingress.pool.FrontendState;

/**
 * One client connection and its backend connection, both on the client's event loop (so no locking). Connects
 * to the next backend in rotation, and on refusal or timeout to the one after, up to once per member.
 */
final class TcpSession implements ChannelFutureListener {
  private final TcpListener listener;
  private final FrontendState state;
  final Channel client;
  private Channel backendChannel;
  private Backend backend;
  private int attempts;
  private boolean clientEof;
  private boolean backendEof;
  private boolean closed;
  /** Bytes the client sent (with its FIN) before the backend was connected; rare, so made lazily. */
  private ArrayDeque<ByteBuf> early;

  TcpSession(TcpListener listener, Channel client) {
    this.listener = listener;
    this.state = listener.state();
    this.client = client;
  }

  void start() {
    state.counters().opened();
    client.pipeline().addLast(new RelayHandler(this, true));
    client.closeFuture().addListener(f -> close());
    connectNext();
  }

  private void connectNext() {
    Backend next = state.pool().next();
    int limit = Math.max(1, state.pool().size());
    if (next == null || attempts >= limit || !client.isActive()) {
      close();
      return;
    }
    attempts++;
    backend = next;
    new Bootstrap()
        .group(client.eventLoop())
        .channel(listener.transport().socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) state.options().connectTimeout().toMillis())
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new RelayHandler(this, false))
        .connect(next.address())
        .addListener(this);
  }

  /** Backend connect finished. */
  @Override
  public void operationComplete(ChannelFuture f) {
    if (!f.isSuccess()) {
      backend.markFailed(state.backoffNanos());
      connectNext();
      return;
    }
    if (closed) {
      f.channel().close();
      return;
    }
    backend.markUp();
    backend.connectionOpened();
    backendChannel = f.channel();
    backendChannel.closeFuture().addListener(c -> close());
    if (state.options().proxyProtocol() != ProxyProtocol.NONE) {
      ProxyHeaders.write(backendChannel, client, state.options().proxyProtocol());
    }
    if (early != null) {
      ByteBuf b;
      while ((b = early.poll()) != null) {
        forward(true, b);
      }
    }
    if (clientEof) {
      shutdownOutputAfterFlush(backendChannel);
    }
    Forwarding.start(this);
  }

  Channel backendChannel() {
    return backendChannel;
  }

  Channel peerOf(boolean fromClient) {
    return fromClient ? backendChannel : client;
  }

  /** Splice needs the native transport; a PROXY header, if any, went out as a buffer before. */
  boolean useSplice() {
    return state.options().splice() && listener.transport().isNative() && !closed;
  }

  /** Forwards one chunk; returns the write future, or null when the chunk was kept for later or dropped. */
  ChannelFuture forward(boolean fromClient, ByteBuf buf) {
    Channel peer = peerOf(fromClient);
    if (peer == null) {
      if (closed) {
        buf.release();
      } else {
        if (early == null) {
          early = new ArrayDeque<>(2);
        }
        early.add(buf);
      }
      return null;
    }
    count(fromClient, buf.readableBytes());
    return peer.writeAndFlush(buf);
  }

  void count(boolean fromClient, int n) {
    if (fromClient) {
      state.counters().addBytesIn(n);
      backend.addBytesIn(n);
    } else {
      state.counters().addBytesOut(n);
      backend.addBytesOut(n);
    }
  }

  /** One side sent FIN: pass it on once what it sent before is written; close when both sides did. */
  void inputShutdown(boolean fromClient) {
    if (fromClient) {
      clientEof = true;
    } else {
      backendEof = true;
    }
    Channel peer = peerOf(fromClient);
    if (peer == null) {
      return;
    }
    if (clientEof && backendEof) {
      closeAfterFlush();
    } else {
      shutdownOutputAfterFlush(peer);
    }
  }

  private static void shutdownOutputAfterFlush(Channel peer) {
    peer.writeAndFlush(Unpooled.EMPTY_BUFFER)
        .addListener(
            f -> {
              if (f.isSuccess() && peer instanceof DuplexChannel) {
                ((DuplexChannel) peer).shutdownOutput();
              }
            });
  }

  private void closeAfterFlush() {
    closeAfterFlush(client);
    if (backendChannel != null) {
      closeAfterFlush(backendChannel);
    }
  }

  private static void closeAfterFlush(Channel ch) {
    if (ch.isActive()) {
      ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    } else {
      ch.close();
    }
  }

  /** Either side ended or failed: flush what is queued toward the other side, then close it. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (early != null) {
      early.forEach(ByteBuf::release);
      early = null;
    }
    closeAfterFlush();
    state.counters().closed();
    if (backendChannel != null) {
      backend.connectionClosed();
    }
  }
}
