package org.enginelite.engine.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enginelite.engine.network.api.EndpointSettingsJson;
import org.enginelite.engine.network.api.NetworkApiMapper;
import org.enginelite.engine.network.api.NetworkSettingsJson;
import org.enginelite.engine.network.api.NetworkSettingsJson.PortJson;
import org.enginelite.engine.network.api.NetworkSettingsJson.PortMapJson;

/**
 * A container's NetworkSettings for inspect and for the container list, computed from the store: endpoints,
 * reservations and the container's exposed ports. Addresses show only while the container runs, as in Docker.
 */
public final class NetworkSettingsView {
  private final NetworkStore store;

  public NetworkSettingsView(NetworkStore store) {
    this.store = store;
  }

  /** The three views a container record keeps, computed from one read of its endpoints and reservations. */
  public record Views(NetworkSettingsJson inspect, NetworkSettingsJson.SummaryJson summary, List<PortJson> ports) {}

  /**
   * NetworkSettings of GET /containers/{id}/json, and NetworkSettings and Ports of its GET /containers/json entry
   * (published ports with their host side, exposed ones without).
   */
  public Views all(String containerId, ContainerNetworkConfig config, boolean running, String sandboxKey) {
    Map<String, EndpointSettingsJson> networks = networks(containerId, config, running);
    List<PortReservation> held = running ? store.reservationsOfContainer(containerId) : List.of();
    return new Views(inspect(containerId, config, running, sandboxKey, networks, held),
        new NetworkSettingsJson.SummaryJson(networks), summaryPorts(config, held));
  }

  private static NetworkSettingsJson inspect(String containerId, ContainerNetworkConfig config, boolean running,
      String sandboxKey, Map<String, EndpointSettingsJson> networks, List<PortReservation> held) {
    EndpointSettingsJson bridge = running ? networks.get(NetworkRecord.BRIDGE) : null;
    Map<String, List<PortMapJson>> ports = new LinkedHashMap<>();
    if (running) {
      for (String key : config.exposedPorts()) {
        List<PortMapJson> bindings = held.stream().filter(r -> r.containerPortKey().equals(key))
            .map(r -> new PortMapJson(r.hostIp(), Integer.toString(r.hostPort()))).toList();
        ports.put(key, bindings.isEmpty() ? null : bindings);
      }
    }
    return new NetworkSettingsJson("", running ? containerId : "", false, "", 0, ports,
        running ? sandboxKey : "", null, null,
        bridge == null ? "" : bridge.endpointId(), bridge == null ? "" : bridge.gateway(), "", 0,
        bridge == null ? "" : bridge.ipAddress(), bridge == null ? 0 : bridge.ipPrefixLen(), "",
        bridge == null ? "" : bridge.macAddress(), networks);
  }

  private static List<PortJson> summaryPorts(ContainerNetworkConfig config, List<PortReservation> held) {
    List<PortJson> out = new ArrayList<>();
    for (String key : config.exposedPorts()) {
      int slash = key.indexOf('/');
      int port = Integer.parseInt(key.substring(0, slash));
      String proto = key.substring(slash + 1);
      List<PortReservation> bound = held.stream().filter(r -> r.containerPortKey().equals(key)).toList();
      if (bound.isEmpty()) {
        out.add(new PortJson(null, port, null, proto));
      }
      bound.forEach(r -> out.add(new PortJson(r.hostIp(), port, r.hostPort(), proto)));
    }
    return out;
  }

  private Map<String, EndpointSettingsJson> networks(String containerId, ContainerNetworkConfig config,
      boolean running) {
    Map<String, EndpointSettingsJson> out = new LinkedHashMap<>();
    if (config.mode() == ContainerNetworkConfig.Mode.CONTAINER) {
      return out; // the joined container's networks are its own, as Docker shows them
    }
    if (config.mode() != ContainerNetworkConfig.Mode.NETWORKS) {
      String name = config.mode() == ContainerNetworkConfig.Mode.HOST ? "host" : "none";
      Optional<NetworkRecord> n = store.networks().stream().filter(x -> x.predefined() && x.name().equals(name))
          .findFirst();
      out.put(name, new EndpointSettingsJson(null, null, null, n.map(NetworkRecord::id).orElse(""), "", "", "", 0,
          "", "", 0, "", null));
      return out;
    }
    for (EndpointRecord e : store.endpointsOfContainer(containerId)) {
      store.network(e.networkId()).ifPresent(n -> {
        List<String> aliases = new ArrayList<>();
        if (!n.isDefaultBridge()) {
          aliases.add(Ids.shortId(containerId));
        }
        aliases.addAll(e.aliases());
        EndpointRecord shown = new EndpointRecord(e.id(), e.networkId(), e.containerId(), e.containerName(),
            e.interfaceName(), e.ipv4Address(), e.macAddress(), e.staticAddress(), aliases);
        EndpointSettingsJson full = NetworkApiMapper.toSettings(n, shown, true);
        out.put(n.name(), running ? full : new EndpointSettingsJson(full.ipamConfig(), null, full.aliases(),
            n.id(), "", "", "", 0, "", "", 0, "", null));
      });
    }
    return out;
  }
}
