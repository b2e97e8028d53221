package org.enginelite.ingress.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketChannelConfig;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
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
  private final int connectTimeoutMillis;
  private RelayHandler clientRelay;
  private RelayHandler backendRelay;
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
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, state.options().connectTimeout().toMillis());
  }

  void start() {
    state.counters().opened();
    clientRelay = new RelayHandler(this, true);
    client.pipeline().addLast(clientRelay);
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
    SocketChannel ch = listener.transport().newSocketChannel();
    SocketChannelConfig config = ch.config();
    config.setAutoRead(false);
    config.setAllowHalfClosure(true);
    // TCP_NODELAY is already on: Netty sets it on every new socket on Linux.
    config.setConnectTimeoutMillis(connectTimeoutMillis);
    config.setRecvByteBufAllocator(TcpListener.READS);
    CongestionControl cc = listener.backendCongestionControl();
    if (cc != null) {
      // Before the SYN: switched later, a connection keeps the pacing that bbr turned on and stays paced.
      cc.applyTo(ch);
    }
    backendRelay = new RelayHandler(this, false);
    ch.pipeline().addLast(backendRelay);
    client.eventLoop().register(ch).addListener(registered);
  }

  /** The backend socket joined the client's event loop: connect it. */
  private final ChannelFutureListener registered =
      f -> {
        if (f.isSuccess()) {
          f.channel().connect(backend.address()).addListener(this);
        } else {
          f.channel().close();
          close();
        }
      };

  /** Backend connect finished. */
  @Override
  public void operationComplete(ChannelFuture f) {
    if (!f.isSuccess()) {
      f.channel().close();
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

  /** Splice needs the epoll transport; a PROXY header, if any, went out as a buffer before. */
  boolean useSplice() {
    return state.options().splice() && listener.transport().supportsSplice() && !closed;
  }

  /** Forwards one chunk; returns the write future, or null when the chunk was kept for later or dropped. */
  ChannelFuture forward(boolean fromClient, ByteBuf buf) {
    Channel peer = counted(fromClient, buf);
    return peer == null ? null : peer.writeAndFlush(buf);
  }

  /**
   * Forwards one chunk without a per-write future (a failed write closes the session through the peer's
   * exceptionCaught); returns the peer, or null when the chunk was kept for later or dropped.
   */
  Channel relay(boolean fromClient, ByteBuf buf) {
    Channel peer = counted(fromClient, buf);
    if (peer != null) {
      peer.writeAndFlush(buf, peer.voidPromise());
    }
    return peer;
  }

  /**
   * The channel {@code buf} goes to, with its bytes counted; or null when there is none yet (the chunk is kept
   * until the backend connects) or any more (it is released).
   */
  private Channel counted(boolean fromClient, ByteBuf buf) {
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
    return peer;
  }

  RelayHandler relayFrom(boolean fromClient) {
    return fromClient ? clientRelay : backendRelay;
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
      RelayHandler peerRelay = fromClient ? backendRelay : clientRelay;
      if (!peerRelay.isSplicing()) {
        // Only the peer's remaining bytes and its FIN are to come; when the FIN arrives, Netty may then close
        // at once instead of shutdown(SHUT_RD), which fails (ENOTCONN, an exception) on a socket closed both ways.
        ((SocketChannelConfig) peer.config()).setAllowHalfClosure(false);
      }
    }
  }

  /** Sends a FIN to {@code peer} once what is queued for it is written. */
  private static void shutdownOutputAfterFlush(Channel peer) {
    if (nothingQueued(peer)) {
      shutdownOutput(peer);
    } else {
      peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(SHUTDOWN_OUTPUT);
    }
  }

  private static final ChannelFutureListener SHUTDOWN_OUTPUT =
      f -> {
        if (f.isSuccess()) {
          shutdownOutput(f.channel());
        }
      };

  /**
   * shutdown(2) of the write side. Called on the socket itself because Netty's shutdownOutput() builds an
   * exception with a stack trace for every call (to fail writes queued after it; there are none here).
   */
  private static void shutdownOutput(Channel ch) {
    if (ch instanceof UnixChannel && ((UnixChannel) ch).fd() instanceof Socket) {
      try {
        ((Socket) ((UnixChannel) ch).fd()).shutdown(false, true);
      } catch (IOException e) {
        ch.close();
      }
    } else if (ch instanceof DuplexChannel) {
      ((DuplexChannel) ch).shutdownOutput();
    }
  }

  private static boolean nothingQueued(Channel ch) {
    ChannelOutboundBuffer out = ch.unsafe().outboundBuffer();
    return out == null || out.isEmpty();
  }

  private static boolean outputShut(Channel ch) {
    if (ch instanceof UnixChannel && ((UnixChannel) ch).fd() instanceof Socket) {
      return ((Socket) ((UnixChannel) ch).fd()).isOutputShutdown();
    }
    return ch instanceof DuplexChannel && ((DuplexChannel) ch).isOutputShutdown();
  }

  private void closeAfterFlush() {
    closeAfterFlush(client);
    if (backendChannel != null) {
      closeAfterFlush(backendChannel);
    }
  }

  private static void closeAfterFlush(Channel ch) {
    if (!ch.isActive() || outputShut(ch) || nothingQueued(ch)) {
      ch.close();
    } else {
      ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
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
