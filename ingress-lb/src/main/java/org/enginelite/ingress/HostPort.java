package org.enginelite.ingress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.enginelite.driver.InvalidParameterException;

/** Parses and prints {@code HOST:PORT} and {@code [V6]:PORT} the way users type them. */
public final class HostPort {
  private HostPort() {}

  /** Parses {@code HOST:PORT}; the host is resolved once here, so later code never sees an unresolved name. */
  public static InetSocketAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidParameterException("address must be HOST:PORT, got an empty value");
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new InvalidParameterException("address must be HOST:PORT: \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid port in \"" + text + "\"");
    }
    if (port < 0 || port > 65535) {
      throw new InvalidParameterException("port out of range 0-65535 in \"" + text + "\"");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new InvalidParameterException("unknown host \"" + host + "\" in \"" + text + "\"");
    }
  }

  public static String format(InetSocketAddress address) {
    String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
