package org.enginelite.driver.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.InvalidParameterException;

/**
 * Parses Docker's {@code -p} syntax into bindings: {@code [hostIp:][hostPort:]containerPort[/proto]}, where a port
 * may be a range {@code 50000-50010} and a host port range must be as long as the container port range
 * ({@code -p 8000-8010:80-90}). A missing host port means "let the host choose" (port 0). Messages follow
 * Docker's (go-connections nat.ParsePortSpec).
 */
public final class PortSpecParser {
  private PortSpecParser() {}

  public static List<PortBinding> parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InvalidParameterException("no port specified: \"" + spec + "\"");
    }
    String rest = spec.trim();
    PortBinding.Protocol proto = PortBinding.Protocol.TCP;
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      proto = PortBinding.Protocol.parse(rest.substring(slash + 1));
      rest = rest.substring(0, slash);
    }
    String ip = null;
    if (rest.startsWith("[")) { // [::1]:80:80
      int close = rest.indexOf(']');
      if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
        throw new InvalidParameterException("invalid port specification: \"" + spec + "\"");
      }
      ip = rest.substring(1, close);
      rest = rest.substring(close + 2);
    }
    String[] parts = rest.split(":", -1);
    String hostPart;
    String containerPart;
    if (ip == null && parts.length == 3) {
      ip = parts[0];
      hostPart = parts[1];
      containerPart = parts[2];
    } else if (parts.length == 2) {
      hostPart = parts[0];
      containerPart = parts[1];
    } else if (parts.length == 1 && ip == null) {
      hostPart = "";
      containerPart = parts[0];
    } else {
      throw new InvalidParameterException("invalid port specification: \"" + spec + "\"");
    }
    InetAddress hostIp = ip == null || ip.isEmpty() ? null : IpAddresses.parse(ip, "IP address");
    if (containerPart.isEmpty()) {
      throw new InvalidParameterException("no port specified: \"" + spec + "\"");
    }
    int[] container = range(containerPart, "containerPort");
    int[] host = hostPart.isEmpty() ? null : range(hostPart, "hostPort");
    int count = container[1] - container[0] + 1;
    if (host != null && host[1] - host[0] + 1 != count) {
      throw new InvalidParameterException(
          "invalid ranges specified for container and host Ports: " + containerPart + " and " + hostPart);
    }
    List<PortBinding> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new PortBinding(proto, hostIp, host == null ? 0 : host[0] + i, container[0] + i));
    }
    return List.copyOf(out);
  }

  /** "80" or "8000-8010" as an inclusive [start, end]. */
  static int[] range(String text, String what) {
    int dash = text.indexOf('-');
    int start = port(dash < 0 ? text : text.substring(0, dash), text, what);
    int end = dash < 0 ? start : port(text.substring(dash + 1), text, what);
    if (end < start) {
      throw new InvalidParameterException("invalid " + what + ": " + text);
    }
    return new int[] {start, end};
  }

  private static int port(String digits, String whole, String what) {
    if (!digits.matches("\\d{1,5}")) {
      throw new InvalidParameterException("invalid " + what + ": " + whole);
    }
    int p = Integer.parseInt(digits);
    if (p > 65535 || (p == 0 && what.equals("containerPort"))) {
      throw new InvalidParameterException("invalid " + what + ": " + whole);
    }
    return p;
  }
}
