package org.enginelite.ingress.udp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import org.enginelite.ingress.pool.Backend;
import org.enginelite.ingress.pool.FrontendCounters;

/** One client address pinned to one backend through a connected socket owned by the flow. */
final class UdpFlow implements ChannelFutureListener {
  final InetSocketAddress client;
  final Channel listenerSocket;
  final Backend backend;
  private final FrontendCounters counters;
  private Channel upstream;
  private ChannelFuture connecting;
  private boolean closed;
  /** Datagrams that arrived while the flow's socket was still connecting; bounded, as a socket buffer is. */
  private java.util.ArrayDeque<ByteBuf> pending;
  private static final int MAX_PENDING = 64;

  UdpFlow(InetSocketAddress client, Channel listenerSocket, Backend backend, FrontendCounters counters) {
    this.client = client;
    this.listenerSocket = listenerSocket;
    this.backend = backend;
    this.counters = counters;
    counters.opened();
    backend.connectionOpened();
  }

  void connecting(ChannelFuture f) {
    this.connecting = f;
    this.upstream = f.channel();
    if (!f.isDone()) {
      f.addListener(this);
    } else {
      operationComplete(f);
    }
  }

  @Override
  public void operationComplete(ChannelFuture f) {
    java.util.ArrayDeque<ByteBuf> queued = pending;
    pending = null;
    if (!f.isSuccess()) {
      backend.markFailed(0);
      f.channel().close();
      if (queued != null) {
        queued.forEach(ByteBuf::release);
      }
      return;
    }
    if (queued != null) {
      ByteBuf b;
      while ((b = queued.poll()) != null) {
        toBackend(b);
      }
    }
  }

  /** Sends a client datagram's payload to the backend; dropped (as UDP may) while the socket cannot take it. */
  void toBackend(ByteBuf payload) {
    int n = payload.readableBytes();
    if (!connecting.isDone()) {
      if (pending == null) {
        pending = new java.util.ArrayDeque<>(4);
      }
      if (pending.size() < MAX_PENDING) {
        pending.add(payload);
      } else {
        payload.release();
      }
      return;
    }
    if (!connecting.isSuccess() || !upstream.isWritable()) {
      payload.release();
      return;
    }
    counters.addBytesIn(n);
    backend.addBytesIn(n);
    upstream.writeAndFlush(payload, upstream.voidPromise());
  }

  void countOut(int n) {
    counters.addBytesOut(n);
    backend.addBytesOut(n);
  }

  boolean isOpen() {
    return upstream == null || upstream.isOpen();
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    counters.closed();
    backend.connectionClosed();
    if (upstream != null) {
      // Pending datagrams are released by the connect listener, which runs once the socket closes.
      upstream.close();
    }
  }
}
