package org.enginelite.cli.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.enginelite.cli.CliException;
import org.enginelite.cli.api.ContainerCreateJson.PortBindingJson;

/**
 * {@code -p [ip:][hostPort:]containerPort[/proto]} with ranges, as go-connections nat.ParsePortSpecs: each
 * container port becomes an exposed port and a binding; a host range with one container port is passed on whole
 * so the daemon picks a free port from it.
 */
public final class PortSpecs {

  /** ExposedPorts and PortBindings of the create request, keyed "80/tcp". */
  public record Parsed(Map<String, Map<String, Object>> exposed, Map<String, List<PortBindingJson>> bindings) {}

  private PortSpecs() {}

  public static Parsed parse(List<String> specs) {
    Map<String, Map<String, Object>> exposed = new LinkedHashMap<>();
    Map<String, List<PortBindingJson>> bindings = new LinkedHashMap<>();
    for (String spec : specs) {
      parseOne(spec, exposed, bindings);
    }
    return new Parsed(exposed, bindings);
  }

  private static void parseOne(String spec, Map<String, Map<String, Object>> exposed,
      Map<String, List<PortBindingJson>> bindings) {
    String rest = spec;
    String proto = "tcp";
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      proto = rest.substring(slash + 1).toLowerCase(Locale.ROOT);
      rest = rest.substring(0, slash);
      if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
        throw new CliException("invalid proto: " + proto);
      }
    }
    String ip = "";
    String hostPart = "";
    String containerPart;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new CliException("invalid IP address: " + rest);
      }
      ip = rest.substring(1, close);
      rest = rest.substring(close + 1);
      rest = rest.startsWith(":") ? rest.substring(1) : rest;
      int colon = rest.indexOf(':');
      hostPart = colon >= 0 ? rest.substring(0, colon) : "";
      containerPart = colon >= 0 ? rest.substring(colon + 1) : rest;
    } else {
      String[] parts = rest.split(":", -1);
      switch (parts.length) {
        case 1 -> containerPart = parts[0];
        case 2 -> {
          hostPart = parts[0];
          containerPart = parts[1];
        }
        case 3 -> {
          ip = parts[0];
          hostPart = parts[1];
          containerPart = parts[2];
        }
        default -> throw new CliException("invalid port format: " + spec);
      }
    }
    if (containerPart.isEmpty()) {
      throw new CliException("no port specified: " + spec + "<empty>");
    }
    int[] container = range(containerPart, "invalid containerPort: " + containerPart);
    int[] host = hostPart.isEmpty() ? null : range(hostPart, "invalid hostPort: " + hostPart);
    int count = container[1] - container[0] + 1;
    if (host != null && host[1] - host[0] + 1 != count && count != 1) {
      throw new CliException("invalid ranges specified for container and host Ports: " + containerPart + " and "
          + hostPart);
    }
    for (int i = 0; i < count; i++) {
      String key = (container[0] + i) + "/" + proto;
      exposed.put(key, Map.of());
      String hostPort;
      if (host == null) {
        hostPort = "";
      } else if (count == 1 && host[0] != host[1]) {
        hostPort = host[0] + "-" + host[1];
      } else {
        hostPort = String.valueOf(host[0] + i);
      }
      bindings.computeIfAbsent(key, k -> new ArrayList<>()).add(new PortBindingJson(ip, hostPort));
    }
  }

  private static int[] range(String text, String error) {
    int dash = text.indexOf('-');
    try {
      int lo = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
      int hi = dash < 0 ? lo : Integer.parseInt(text.substring(dash + 1));
      if (lo < 0 || hi > 65535 || hi < lo) {
        throw new CliException(error);
      }
      return new int[] {lo, hi};
    } catch (NumberFormatException e) {
      throw new CliException(error);
    }
  }
}
