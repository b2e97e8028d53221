package org.enginelite.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.network.PortBinding;

/**
 * The networking part of Docker's container create request, read once: HostConfig.NetworkMode,
 * NetworkingConfig.EndpointsConfig, HostConfig.PortBindings, HostConfig.PublishAllPorts and the exposed ports.
 * Errors use Docker's messages (go-connections nat).
 */
public record ContainerNetworkConfig(Mode mode, List<EndpointRequest> endpoints, List<PortRequest> ports,
    Set<String> exposedPorts) {

  /** How the container gets its network namespace. */
  public enum Mode {
    /** Its own namespace with one interface per network (bridge and user-defined networks). */
    NETWORKS,
    /** The host's namespace (--network host). */
    HOST,
    /** Its own namespace with only the loopback interface (--network none). */
    NONE,
    /** The namespace of another, running container (--network container:NAME); no endpoints of its own. */
    CONTAINER
  }

  /** Docker's prefix of the network mode that joins another container's namespace. */
  public static final String CONTAINER_PREFIX = "container:";

  private static final Pattern PORT_KEY = Pattern.compile("(\\d{1,5})(?:/([a-zA-Z]+))?");
  private static final Pattern HOST_PORT = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

  public ContainerNetworkConfig {
    endpoints = List.copyOf(endpoints);
    ports = List.copyOf(ports);
    exposedPorts = Set.copyOf(exposedPorts);
  }

  /** Reads the request; {@code imageExposedPorts} are the image's EXPOSE entries ("80/tcp"). */
  public static ContainerNetworkConfig parse(ObjectNode createRequest, ObjectNode hostConfig,
      ObjectNode networkingConfig) {
    String networkMode = text(hostConfig, "NetworkMode");
    Mode mode;
    String primary;
    if (networkMode.isEmpty() || networkMode.equals("default") || networkMode.equals("bridge")) {
      mode = Mode.NETWORKS;
      primary = NetworkRecord.BRIDGE;
    } else if (networkMode.equals("host")) {
      mode = Mode.HOST;
      primary = null;
    } else if (networkMode.equals("none")) {
      mode = Mode.NONE;
      primary = null;
    } else if (networkMode.startsWith(CONTAINER_PREFIX)) {
      if (networkMode.length() == CONTAINER_PREFIX.length()) {
        throw new InvalidParameterException("invalid container format container:<name|id>");
      }
      mode = Mode.CONTAINER;
      primary = null;
    } else {
      mode = Mode.NETWORKS;
      primary = networkMode;
    }
    Map<String, JsonNode> configs = new LinkedHashMap<>();
    JsonNode ec = networkingConfig.path("EndpointsConfig");
    for (Iterator<Map.Entry<String, JsonNode>> it = ec.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      configs.put(e.getKey(), e.getValue());
    }
    List<EndpointRequest> endpoints = new ArrayList<>();
    if (mode == Mode.NETWORKS) {
      JsonNode primaryConfig = configs.remove(primary);
      if (primaryConfig == null && primary.equals(NetworkRecord.BRIDGE)) {
        primaryConfig = configs.remove("default");
      }
      endpoints.add(endpoint(primary, primaryConfig));
      configs.forEach((ref, cfg) -> endpoints.add(endpoint(ref, cfg)));
    } else if (!configs.isEmpty() && !(configs.size() == 1 && configs.containsKey(networkMode))) {
      throw new InvalidParameterException("container sharing network namespace with another container or host "
          + "cannot be connected to any other network");
    }
    Set<String> exposed = new LinkedHashSet<>();
    createRequest.path("ExposedPorts").fieldNames().forEachRemaining(k -> exposed.add(portKey(k)));
    List<PortRequest> ports = new ArrayList<>();
    Set<String> bound = new LinkedHashSet<>();
    JsonNode bindings = hostConfig.path("PortBindings");
    for (Iterator<Map.Entry<String, JsonNode>> it = bindings.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = portKey(e.getKey());
      bound.add(key);
      exposed.add(key);
      JsonNode list = e.getValue();
      if (list == null || list.isNull() || list.isEmpty()) {
        ports.add(port(key, "", ""));
        continue;
      }
      for (JsonNode b : list) {
        ports.add(port(key, text(b, "HostIp"), text(b, "HostPort")));
      }
    }
    if (hostConfig.path("PublishAllPorts").asBoolean(false)) {
      for (String key : exposed) {
        if (!bound.contains(key)) {
          ports.add(port(key, "", ""));
        }
      }
    }
    return new ContainerNetworkConfig(mode, endpoints, mode == Mode.NETWORKS ? ports : List.of(), exposed);
  }

  /**
   * At create, what Docker refuses with {@code --network container:NAME}: the joined container's namespace
   * decides the hostname, the resolvers, the hosts file, the MAC address and the published ports.
   */
  static void checkJoinable(ObjectNode createRequest, ObjectNode hostConfig) {
    if (!text(createRequest, "Hostname").isEmpty()) {
      throw new InvalidParameterException("conflicting options: hostname and the network mode");
    }
    if (!hostConfig.path("Dns").isEmpty()) {
      throw new InvalidParameterException("conflicting options: dns and the network mode");
    }
    if (!hostConfig.path("ExtraHosts").isEmpty()) {
      throw new InvalidParameterException("conflicting options: custom host-to-IP mapping and the network mode");
    }
    if (!text(createRequest, "MacAddress").isEmpty()) {
      throw new InvalidParameterException("conflicting options: mac-address and the network mode");
    }
    if (!hostConfig.path("PortBindings").isEmpty() || hostConfig.path("PublishAllPorts").asBoolean(false)) {
      throw new InvalidParameterException(
          "conflicting options: port publishing and the container type network mode");
    }
  }

  private static EndpointRequest endpoint(String ref, JsonNode cfg) {
    if (cfg == null || cfg.isNull()) {
      return new EndpointRequest(ref, Optional.empty(), List.of());
    }
    String ip = text(cfg.path("IPAMConfig"), "IPv4Address");
    if (!ip.isEmpty()) {
      Ipv4Address.parse(ip);
    }
    if (!text(cfg.path("IPAMConfig"), "IPv6Address").isEmpty()) {
      throw new InvalidParameterException("IPv6 addresses are not supported by this engine");
    }
    List<String> aliases = new ArrayList<>();
    cfg.path("Aliases").forEach(a -> {
      if (!a.asText().isBlank() && !aliases.contains(a.asText())) {
        aliases.add(a.asText());
      }
    });
    return new EndpointRequest(ref, Optional.of(ip), aliases);
  }

  /** "80", "80/tcp" or "53/udp" in Docker's canonical "80/tcp" form. */
  static String portKey(String text) {
    Matcher m = PORT_KEY.matcher(text.trim());
    if (!m.matches()) {
      throw new InvalidParameterException("invalid port specification: \"" + text + "\"");
    }
    int port = Integer.parseInt(m.group(1));
    if (port < 1 || port > 65535) {
      throw new InvalidParameterException("invalid containerPort: " + m.group(1));
    }
    PortBinding.Protocol proto = m.group(2) == null ? PortBinding.Protocol.TCP
        : PortBinding.Protocol.parse(m.group(2));
    return port + "/" + proto;
  }

  private static PortRequest port(String key, String hostIp, String hostPort) {
    int slash = key.indexOf('/');
    int containerPort = Integer.parseInt(key.substring(0, slash));
    PortBinding.Protocol proto = PortBinding.Protocol.parse(key.substring(slash + 1));
    String ip = hostIp.isEmpty() ? PortReservation.ANY_IP : Ipv4Address.parse(hostIp).toString();
    if (hostPort.isEmpty()) {
      return new PortRequest(proto, containerPort, ip, 0, 0);
    }
    Matcher m = HOST_PORT.matcher(hostPort.trim());
    if (!m.matches()) {
      throw new InvalidParameterException("invalid hostPort: " + hostPort);
    }
    int low = Integer.parseInt(m.group(1));
    int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
    if (low > 65535 || high > 65535 || high < low) {
      throw new InvalidParameterException("invalid hostPort: " + hostPort);
    }
    return new PortRequest(proto, containerPort, ip, low, high);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : "";
  }
}
