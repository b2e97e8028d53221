package org.enginelite.ingress.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Netty transport chosen once: native epoll (SO_REUSEPORT, splice) when {@link Epoll#isAvailable()}, else NIO
 * with one listener socket and buffer copies. {@link #unavailabilityCause()} keeps why epoll was not used.
 */
public enum Transport {
  EPOLL(
      EpollServerSocketChannel.class, EpollSocketChannel.class, EpollDatagramChannel.class, true),
  NIO(NioServerSocketChannel.class, NioSocketChannel.class, NioDatagramChannel.class, false);

  private final Class<? extends ServerChannel> serverChannel;
  private final Class<? extends Channel> socketChannel;
  private final Class<? extends DatagramChannel> datagramChannel;
  private final boolean native0;

  Transport(
      Class<? extends ServerChannel> serverChannel,
      Class<? extends Channel> socketChannel,
      Class<? extends DatagramChannel> datagramChannel,
      boolean nativeTransport) {
    this.serverChannel = serverChannel;
    this.socketChannel = socketChannel;
    this.datagramChannel = datagramChannel;
    this.native0 = nativeTransport;
  }

  /** Epoll when the native library loads, NIO otherwise. */
  public static Transport best() {
    return Epoll.isAvailable() ? EPOLL : NIO;
  }

  /** Why epoll is not used, or null when it is available. */
  public static Throwable unavailabilityCause() {
    return Epoll.unavailabilityCause();
  }

  public EventLoopGroup newGroup(int threads, String name) {
    IoHandlerFactory factory = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
  }

  /** A new unregistered client socket; cheaper per connection than a Bootstrap (no option maps, no reflection). */
  public SocketChannel newSocketChannel() {
    return this == EPOLL ? new EpollSocketChannel() : new NioSocketChannel();
  }

  public Class<? extends ServerChannel> serverChannel() {
    return serverChannel;
  }

  public Class<? extends Channel> socketChannel() {
    return socketChannel;
  }

  public Class<? extends DatagramChannel> datagramChannel() {
    return datagramChannel;
  }

  /** Whether SO_REUSEPORT (one listener per event loop) and splice(2) are available. */
  public boolean isNative() {
    return native0;
  }
}
