package org.enginelite.ingress.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.unix.RawUnixChannelOption;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.ingress.transport.Transport;

/**
 * A TCP congestion control algorithm set on a socket (TCP_CONGESTION), through the raw socket options that Netty's
 * epoll and io_uring channels take.
 */
final class CongestionControl {
  private static final int IPPROTO_TCP = 6;
  private static final int TCP_CONGESTION = 13;

  private final String name;
  private final RawUnixChannelOption option;
  private final ByteBuffer value;

  private CongestionControl(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
    this.name = name;
    this.option = new RawUnixChannelOption("TCP_CONGESTION", IPPROTO_TCP, TCP_CONGESTION, bytes.length);
    this.value = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
  }

  /** The algorithm called {@code name}, or null for none (sockets keep the system's). */
  static CongestionControl named(String name) {
    return name == null ? null : new CongestionControl(name);
  }

  /**
   * Sets it on the channel's socket. The listener checked the name, so a refusal here is rare; such a connection
   * keeps the system's algorithm rather than being dropped.
   */
  void applyTo(Channel ch) {
    try {
      set(ch);
    } catch (ChannelException e) {
      // keeps the system's
    }
  }

  /** False when the channel's transport takes no raw socket options; throws when the kernel refuses the name. */
  private boolean set(Channel ch) {
    return ch.config().setOption(option, value.duplicate());
  }

  /**
   * Checks on a throwaway socket of the transport that this host lets sockets use the algorithm: it may be
   * unknown, not loaded, or (without CAP_NET_ADMIN) missing from {@code tcp_allowed_congestion_control}.
   *
   * @throws InvalidParameterException naming the algorithm and the kernel's reason
   */
  void check(Transport transport) {
    Channel probe = transport.newSocketChannel();
    try {
      if (!set(probe)) {
        throw new InvalidParameterException(
            "congestion control needs the epoll or io_uring transport, not " + transport.label());
      }
    } catch (ChannelException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidParameterException(
          "congestion control \"" + name + "\" cannot be used on this host: " + cause.getMessage());
    } finally {
      probe.unsafe().closeForcibly();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
