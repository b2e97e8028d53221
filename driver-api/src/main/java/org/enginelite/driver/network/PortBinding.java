package org.enginelite.driver.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import org.enginelite.driver.InvalidParameterException;

/**
 * One published port: traffic to {@code hostIp:hostPort} goes to the container's {@code containerPort}.
 *
 * @param hostIp the host address to publish on; {@code 0.0.0.0} for all of the host's addresses
 * @param hostPort the host port, or 0 to let the host choose a free one (Docker's {@code -P})
 */
public record PortBinding(Protocol protocol, InetAddress hostIp, int hostPort, int containerPort) {
  private static final InetAddress ANY = IpAddresses.parse("0.0.0.0");

  /** The transport protocols Docker publishes. */
  public enum Protocol {
    TCP,
    UDP;

    /** "tcp" or "udp", any case. */
    public static Protocol parse(String text) {
      if (text != null) {
        switch (text.toLowerCase(Locale.ROOT)) {
          case "tcp":
            return TCP;
          case "udp":
            return UDP;
          default:
            break;
        }
      }
      throw new InvalidParameterException("invalid proto: " + text);
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public PortBinding {
    protocol = protocol == null ? Protocol.TCP : protocol;
    hostIp = hostIp == null ? ANY : hostIp;
    if (!(hostIp instanceof Inet4Address)) {
      throw new InvalidParameterException("invalid host IP " + hostIp.getHostAddress() + ": only IPv4 is published");
    }
    if (hostPort < 0 || hostPort > 65535) {
      throw new InvalidParameterException("invalid hostPort: " + hostPort);
    }
    if (containerPort < 1 || containerPort > 65535) {
      throw new InvalidParameterException("invalid containerPort: " + containerPort);
    }
  }

  public static PortBinding tcp(int hostPort, int containerPort) {
    return new PortBinding(Protocol.TCP, ANY, hostPort, containerPort);
  }

  public static PortBinding udp(int hostPort, int containerPort) {
    return new PortBinding(Protocol.UDP, ANY, hostPort, containerPort);
  }

  /** True when published on every host address (0.0.0.0). */
  public boolean allAddresses() {
    return hostIp.isAnyLocalAddress();
  }

  /** The same binding on another host port (when the host chose one). */
  public PortBinding withHostPort(int port) {
    return new PortBinding(protocol, hostIp, port, containerPort);
  }

  /** Docker's {@code docker ps} form: {@code 0.0.0.0:8080->80/tcp}. */
  @Override
  public String toString() {
    return hostIp.getHostAddress() + ":" + hostPort + "->" + containerPort + "/" + protocol;
  }
}
