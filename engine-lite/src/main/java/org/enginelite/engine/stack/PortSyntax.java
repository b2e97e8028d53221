package org.enginelite.engine.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.service.PublishedPort;
import org.enginelite.engine.service.PublishedPort.Mode;
import org.enginelite.engine.service.PublishedPort.Protocol;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A service's {@code ports:} entries. Short syntax {@code [[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]} where
 * PUBLISHED and TARGET may be equal-length ranges ("8000-8001:80-81") and an IPv6 HOST_IP is bracketed; long
 * syntax with target, published, protocol, mode. Swarm ports have no host address, so a HOST_IP is reported
 * and dropped as docker stack does.
 */
final class PortSyntax {

  private static final Pattern SHORT = Pattern.compile(
      "^(?:(?:(?<ip>\\[[0-9a-fA-F:.]+]|[0-9.]+):)?(?<pub>\\d+(?:-\\d+)?)?:)?"
          + "(?<target>\\d+(?:-\\d+)?)(?:/(?<proto>[a-zA-Z]+))?$");
  private static final Set<String> LONG_KEYS = Set.of("target", "published", "protocol", "mode");
  private static final Set<String> LONG_IGNORED = Set.of("host_ip", "name", "app_protocol");

  private final NodeReader reader;

  PortSyntax(NodeReader reader) {
    this.reader = reader;
  }

  List<PublishedPort> parse(Field ports) {
    List<PublishedPort> out = new ArrayList<>();
    for (Node item : reader.sequence(ports.value(), ports.path())) {
      if (item instanceof MappingNode) {
        out.add(longSyntax(item, ports.path()));
      } else {
        out.addAll(shortSyntax(item, ports.path()));
      }
    }
    return List.copyOf(out);
  }

  private List<PublishedPort> shortSyntax(Node item, String path) {
    String text = reader.requiredScalar(item, path).trim();
    Matcher m = SHORT.matcher(text);
    if (!m.matches()) {
      throw invalid(item, text);
    }
    if (m.group("ip") != null) {
      reader.context().warn(ParseContext.line(item), path + " entry \"" + text
          + "\": a host IP is not supported by services and is ignored");
    }
    int[] target = range(m.group("target"), item, text);
    int[] published = m.group("pub") == null ? null : range(m.group("pub"), item, text);
    if (published != null && published[1] - published[0] != target[1] - target[0]) {
      throw reader.context().error(item,
          "ports entry \"" + text + "\": published and target port ranges differ in size");
    }
    Protocol protocol = protocol(m.group("proto"), item, text);
    List<PublishedPort> out = new ArrayList<>();
    for (int i = 0; i <= target[1] - target[0]; i++) {
      out.add(port(published == null ? 0 : published[0] + i, target[0] + i, protocol, Mode.INGRESS, item, text));
    }
    return out;
  }

  private PublishedPort longSyntax(Node item, String path) {
    Map<String, Field> keys = reader.mapping(item, path);
    reader.checkKeys(keys, LONG_KEYS, LONG_IGNORED);
    Field target = keys.get("target");
    if (target == null) {
      throw reader.context().error(item, path + " entry needs a target port");
    }
    int published = keys.containsKey("published")
        ? reader.integer(keys.get("published").value(), keys.get("published").path()) : 0;
    Protocol protocol = keys.containsKey("protocol")
        ? protocol(reader.requiredScalar(keys.get("protocol").value(), "protocol"), keys.get("protocol").value(),
            "protocol") : Protocol.TCP;
    Mode mode = Mode.INGRESS;
    if (keys.containsKey("mode")) {
      Field f = keys.get("mode");
      try {
        mode = Mode.parse(reader.requiredScalar(f.value(), f.path()));
      } catch (InvalidParameterException e) {
        throw reader.context().error(f.value(), f.path() + ": " + e.getMessage());
      }
    }
    return port(published, reader.integer(target.value(), target.path()), protocol, mode, item,
        "target " + reader.scalar(target.value(), target.path()));
  }

  private PublishedPort port(int published, int target, Protocol p, Mode mode, Node item, String text) {
    try {
      return new PublishedPort(published, target, p, mode);
    } catch (InvalidParameterException e) {
      throw reader.context().error(item, "ports entry \"" + text + "\": " + e.getMessage());
    }
  }

  private int[] range(String spec, Node item, String text) {
    String[] ends = spec.split("-");
    try {
      int lo = Integer.parseInt(ends[0]);
      int hi = ends.length > 1 ? Integer.parseInt(ends[1]) : lo;
      if (hi < lo) {
        throw invalid(item, text);
      }
      return new int[] {lo, hi};
    } catch (NumberFormatException e) {
      throw invalid(item, text);
    }
  }

  private Protocol protocol(String name, Node item, String text) {
    if (name == null) {
      return Protocol.TCP;
    }
    try {
      return Protocol.parse(name);
    } catch (InvalidParameterException e) {
      throw reader.context().error(item, "ports entry \"" + text + "\": " + e.getMessage());
    }
  }

  private InvalidParameterException invalid(Node item, String text) {
    return reader.context().error(item, "ports entry \"" + text + "\" is not a valid port mapping");
  }
}
