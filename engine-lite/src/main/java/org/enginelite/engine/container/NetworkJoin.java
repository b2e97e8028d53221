package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code --network container:NAME}: the container runs in another running container's network namespace and
 * sees that container's hostname, /etc/hosts, /etc/hostname and /etc/resolv.conf, as in Docker.
 */
final class NetworkJoin {
  private static final String PREFIX = "container:";

  private NetworkJoin() {}

  /** The joined container's name or id, when the create request asks to join one. */
  static Optional<String> target(JsonNode request) {
    String mode = request.path("HostConfig").path("NetworkMode").asText("");
    return mode.startsWith(PREFIX) && mode.length() > PREFIX.length()
        ? Optional.of(mode.substring(PREFIX.length())) : Optional.empty();
  }

  /** Points the spec at the joined container's namespace and /etc files, and takes its hostname. */
  static void apply(ObjectNode config, ContainerPaths joined, String hostname) {
    for (JsonNode ns : config.path("linux").path("namespaces")) {
      if (ns.path("type").asText().equals("network")) {
        ((ObjectNode) ns).put("path", joined.netns().toString());
      }
    }
    config.put("hostname", hostname);
    for (JsonNode m : (ArrayNode) config.get("mounts")) {
      switch (m.path("destination").asText()) {
        case "/etc/hosts" -> ((ObjectNode) m).put("source", joined.hosts().toString());
        case "/etc/hostname" -> ((ObjectNode) m).put("source", joined.hostname().toString());
        case "/etc/resolv.conf" -> ((ObjectNode) m).put("source", joined.resolvConf().toString());
        default -> { }
      }
    }
  }
}
