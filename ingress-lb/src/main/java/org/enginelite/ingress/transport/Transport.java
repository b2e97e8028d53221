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
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;
import org.enginelite.driver.InvalidParameterException;

/**
 * Netty transport of a balancer, chosen once: io_uring when the kernel allows it, else native epoll, else NIO.
 *
 * <p>io_uring comes first because a proxy of small requests is bound by system calls: its event loop submits
 * every receive, send, accept, connect and close of a loop iteration in one io_uring_enter, where epoll needs
 * one call each plus epoll_ctl re-arming (about 0.3 io_uring_enter per proxied keep-alive request against four
 * to five epoll-era calls, measured with strace -c by benchmarks/ingress-e2e.sh's traffic). Epoll remains the
 * fallback (kernels without io_uring, or io_uring disabled by sysctl or seccomp) and is the only transport with
 * splice(2). Both native transports bind one listener per event loop with SO_REUSEPORT; NIO binds one socket
 * and copies through buffers.
 */
public enum Transport {
  IO_URING(
      "io_uring",
      IoUringServerSocketChannel.class,
      IoUringSocketChannel.class,
      IoUringDatagramChannel.class,
      true,
      false),
  EPOLL("epoll", EpollServerSocketChannel.class, EpollSocketChannel.class, EpollDatagramChannel.class, true, true),
  NIO("nio", NioServerSocketChannel.class, NioSocketChannel.class, NioDatagramChannel.class, false, false);

  private final String label;
  private final Class<? extends ServerChannel> serverChannel;
  private final Class<? extends Channel> socketChannel;
  private final Class<? extends DatagramChannel> datagramChannel;
  private final boolean reusePort;
  private final boolean splice;

  Transport(
      String label,
      Class<? extends ServerChannel> serverChannel,
      Class<? extends Channel> socketChannel,
      Class<? extends DatagramChannel> datagramChannel,
      boolean reusePort,
      boolean splice) {
    this.label = label;
    this.serverChannel = serverChannel;
    this.socketChannel = socketChannel;
    this.datagramChannel = datagramChannel;
    this.reusePort = reusePort;
    this.splice = splice;
  }

  /** io_uring when available, epoll when its native library loads, NIO otherwise. */
  public static Transport best() {
    if (IO_URING.isAvailable()) {
      return IO_URING;
    }
    return EPOLL.isAvailable() ? EPOLL : NIO;
  }

  /**
   * The transport called {@code name} ({@code io_uring}, {@code epoll} or {@code nio}, as {@link #label()}).
   *
   * @throws InvalidParameterException for another name, or one this host cannot run (with the reason)
   */
  public static Transport named(String name) {
    for (Transport t : values()) {
      if (t.label.equals(name.toLowerCase(Locale.ROOT))) {
        if (!t.isAvailable()) {
          throw new InvalidParameterException(
              "transport " + t.label + " is not available here: " + t.unavailabilityCause());
        }
        return t;
      }
    }
    throw new InvalidParameterException("transport must be io_uring, epoll or nio, got \"" + name + "\"");
  }

  /** Whether this host can run the transport (kernel support, native library, not disabled). */
  public boolean isAvailable() {
    return switch (this) {
      case IO_URING -> IoUring.isAvailable();
      case EPOLL -> Epoll.isAvailable();
      case NIO -> true;
    };
  }

  /** Why the transport cannot run here, or null when it can. */
  public Throwable unavailabilityCause() {
    return switch (this) {
      case IO_URING -> IoUring.unavailabilityCause();
      case EPOLL -> Epoll.unavailabilityCause();
      case NIO -> null;
    };
  }

  public EventLoopGroup newGroup(int threads, String name) {
    IoHandlerFactory factory =
        switch (this) {
          case IO_URING -> IoUringIoHandler.newFactory();
          case EPOLL -> EpollIoHandler.newFactory();
          case NIO -> NioIoHandler.newFactory();
        };
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
  }

  /** A new unregistered client socket; cheaper per connection than a Bootstrap (no option maps, no reflection). */
  public SocketChannel newSocketChannel() {
    return switch (this) {
      case IO_URING -> new IoUringSocketChannel();
      case EPOLL -> new EpollSocketChannel();
      case NIO -> new NioSocketChannel();
    };
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

  /** Whether this is a native transport: one listener per event loop with SO_REUSEPORT. */
  public boolean isNative() {
    return reusePort;
  }

  /** Whether bulk streams can move by splice(2) (epoll's spliceTo). */
  public boolean supportsSplice() {
    return splice;
  }

  /** The name used in options and messages: io_uring, epoll or nio. */
  public String label() {
    return label;
  }
}
