package org.enginelite.dns;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.function.Supplier;

/**
 * The event loops and channel types DNS runs on: native epoll when available, NIO otherwise. Channels are made
 * through the suppliers because both transports open the socket in the channel's constructor: a channel
 * constructed on a thread inside a network namespace has its socket in that namespace for good.
 *
 * @param group the event loops serving queries and forwarding them
 * @param datagram makes an unbound IPv4 UDP channel
 * @param server makes an unbound IPv4 TCP listening channel
 * @param datagramType the UDP channel class, for the forwarder's client
 * @param socketType the TCP client channel class, for the forwarder's retry over TCP
 */
public record DnsTransport(EventLoopGroup group, Supplier<DatagramChannel> datagram,
    Supplier<ServerSocketChannel> server, Class<? extends DatagramChannel> datagramType,
    Class<? extends SocketChannel> socketType) {

  /** Epoll channels on {@code group}, which must run epoll I/O handlers. */
  public static DnsTransport epoll(EventLoopGroup group) {
    return new DnsTransport(group, () -> new EpollDatagramChannel(SocketProtocolFamily.INET),
        () -> new EpollServerSocketChannel(SocketProtocolFamily.INET), EpollDatagramChannel.class,
        EpollSocketChannel.class);
  }

  /** NIO channels on {@code group}, which must run NIO I/O handlers. */
  public static DnsTransport nio(EventLoopGroup group) {
    return new DnsTransport(group,
        () -> new NioDatagramChannel(SelectorProvider.provider(), SocketProtocolFamily.INET),
        () -> new NioServerSocketChannel(SelectorProvider.provider(), SocketProtocolFamily.INET),
        NioDatagramChannel.class, NioSocketChannel.class);
  }

  /** A transport with its own {@code threads} event loops, epoll when the host has it; shut the group down. */
  public static DnsTransport create(int threads) {
    if (Epoll.isAvailable()) {
      return epoll(new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory()));
    }
    return nio(new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()));
  }
}
