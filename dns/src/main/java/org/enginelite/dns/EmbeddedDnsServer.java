package org.enginelite.dns;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.enginelite.driver.InternalException;
import org.enginelite.kernel.ns.NetNs;

/**
 * One container's DNS server: a UDP socket and a TCP listener answering from its {@link LocalNames}. In a
 * container the sockets are made inside its network namespace at 127.0.0.11:53, as Docker's embedded server
 * is reached; the event loops that serve them run in the daemon's namespace, since a socket keeps the namespace
 * it was created in.
 */
public final class EmbeddedDnsServer implements AutoCloseable {
  /** Where containers find the server: 127.0.0.11:53. */
  public static final InetSocketAddress CONTAINER_ADDRESS = new InetSocketAddress(address(127, 0, 0, 11), 53);

  /** Idle TCP connections are closed after this many seconds, so a silent client cannot hold one forever. */
  static final int TCP_IDLE_SECONDS = 10;

  static {
    // Netty derives channel ids from a MAC address found on first use; look it up here, in the daemon's
    // namespace, rather than on a thread inside a container namespace that has only loopback.
    DefaultChannelId.newInstance();
  }

  private final Channel udp;
  private final Channel tcp;

  private EmbeddedDnsServer(Channel udp, Channel tcp) {
    this.udp = udp;
    this.tcp = tcp;
  }

  /**
   * Starts a server for a container at 127.0.0.11:53 inside {@code netns}, whose loopback must be up.
   *
   * @param forwarder where other names go; null to answer SERVFAIL for them (internal networks)
   */
  public static EmbeddedDnsServer startInNamespace(NetNs netns, DnsTransport transport, LocalNames names,
      DnsForwarder forwarder) {
    return start(Optional.of(netns), CONTAINER_ADDRESS, CONTAINER_ADDRESS, transport, names, forwarder);
  }

  /** Starts a server in the daemon's own namespace (port 0 picks free ports, UDP and TCP apart). */
  public static EmbeddedDnsServer start(InetSocketAddress udpAddress, InetSocketAddress tcpAddress,
      DnsTransport transport, LocalNames names, DnsForwarder forwarder) {
    return start(Optional.empty(), udpAddress, tcpAddress, transport, names, forwarder);
  }

  private static EmbeddedDnsServer start(Optional<NetNs> netns, InetSocketAddress udpAddress,
      InetSocketAddress tcpAddress, DnsTransport transport, LocalNames names, DnsForwarder forwarder) {
    DnsQueryHandler handler = new DnsQueryHandler(names, forwarder);
    // Both sockets are made on one trip into the namespace (each trip is a thread of its own).
    Channel[] sockets = inNamespace(netns, () -> {
      DatagramChannel d = transport.datagram().get();
      try {
        return new Channel[] {d, transport.server().get()};
      } catch (RuntimeException e) {
        d.unsafe().closeForcibly();
        throw e;
      }
    });
    DatagramChannel udpChannel = (DatagramChannel) sockets[0];
    ServerSocketChannel tcpChannel = (ServerSocketChannel) sockets[1];
    Channel udp;
    try {
      udp = bind(new Bootstrap().group(transport.group())
          .channelFactory(() -> udpChannel)
          .handler(new ChannelInitializer<DatagramChannel>() {
            @Override
            protected void initChannel(DatagramChannel ch) {
              ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(), handler);
            }
          }).bind(udpAddress), udpChannel, netns, "UDP", udpAddress);
    } catch (RuntimeException e) {
      tcpChannel.unsafe().closeForcibly();
      throw e;
    }
    try {
      Channel tcp = bind(new ServerBootstrap().group(transport.group())
          .channelFactory(() -> tcpChannel)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new ReadTimeoutHandler(TCP_IDLE_SECONDS), new TcpDnsQueryDecoder(),
                  new TcpDnsResponseEncoder(), handler);
            }
          }).bind(tcpAddress), tcpChannel, netns, "TCP", tcpAddress);
      return new EmbeddedDnsServer(udp, tcp);
    } catch (RuntimeException e) {
      udp.close().syncUninterruptibly();
      throw e;
    }
  }

  private static <C> C inNamespace(Optional<NetNs> netns, Callable<C> make) {
    try {
      return netns.isPresent() ? netns.get().run(make) : make.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new InternalException("cannot create DNS socket: " + e, e);
    }
  }

  private static Channel bind(ChannelFuture future, Channel channel, Optional<NetNs> netns, String protocol,
      InetSocketAddress address) {
    future.awaitUninterruptibly();
    if (future.isSuccess()) {
      return channel;
    }
    if (channel.isRegistered()) {
      channel.close().syncUninterruptibly();
    } else {
      channel.unsafe().closeForcibly();
    }
    String where = netns.map(n -> " in " + n).orElse("");
    throw new InternalException("cannot bind DNS " + protocol + " socket to " + address.getAddress().getHostAddress()
        + ":" + address.getPort() + where + ": " + future.cause().getMessage(), future.cause());
  }

  /** The bound UDP address (its port when 0 was asked for). */
  public InetSocketAddress udpAddress() {
    return (InetSocketAddress) udp.localAddress();
  }

  /** The bound TCP address. */
  public InetSocketAddress tcpAddress() {
    return (InetSocketAddress) tcp.localAddress();
  }

  /** True while both sockets are open. */
  public boolean isOpen() {
    return udp.isOpen() && tcp.isOpen();
  }

  /** Closes both sockets (connections already accepted end with their idle timeout); safe to repeat. */
  @Override
  public void close() {
    udp.close().syncUninterruptibly();
    tcp.close().syncUninterruptibly();
  }

  private static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
