package org.enginelite.engine.network.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.network.EndpointRecord;
import org.enginelite.engine.network.NetworkCreateRequest;
import org.enginelite.engine.network.NetworkRecord;
import org.enginelite.engine.network.SubnetConfig;
import org.enginelite.engine.network.SubnetRequest;

/** The one place network API JSON and the network domain records meet. */
public final class NetworkApiMapper {
  private NetworkApiMapper() {}

  /** Reads POST /networks/create; refuses what this engine cannot do rather than ignoring it. */
  public static NetworkCreateRequest toRequest(NetworkCreateJson json) {
    if (json == null) {
      throw new InvalidParameterException("network create request body must not be empty");
    }
    if (Boolean.TRUE.equals(json.enableIpv6())) {
      throw new InvalidParameterException("IPv6 networks are not supported by this engine");
    }
    if (Boolean.TRUE.equals(json.ingress()) || Boolean.TRUE.equals(json.configOnly())) {
      throw new InvalidParameterException("ingress and config-only networks need swarm mode");
    }
    // "swarm" is what stack deploy asks for; the swarm of this engine is this one node, so it is local too.
    if (json.scope() != null && !json.scope().isEmpty() && !json.scope().equals("local")
        && !json.scope().equals("swarm")) {
      throw new InvalidParameterException("scope \"" + json.scope() + "\" is not supported: only local networks");
    }
    List<SubnetRequest> subnets = List.of();
    if (json.ipam() != null) {
      String ipamDriver = json.ipam().driver();
      if (ipamDriver != null && !ipamDriver.isEmpty() && !ipamDriver.equals("default")) {
        throw new org.enginelite.driver.NotFoundException("plugin \"" + ipamDriver + "\" not found");
      }
      if (json.ipam().config() != null) {
        subnets = json.ipam().config().stream()
            .map(c -> new SubnetRequest(c.subnet(), c.ipRange(), c.gateway(), c.auxiliaryAddresses()))
            .toList();
      }
    }
    return new NetworkCreateRequest(json.name(), json.driver(), Boolean.TRUE.equals(json.internal()),
        Boolean.TRUE.equals(json.attachable()), json.labels(), json.options(), subnets);
  }

  /**
   * A network as GET /networks/{id} shows it; {@code containerNames} maps container ids to names (without the
   * leading slash). GET /networks passes no endpoints, as Docker lists networks without their containers.
   */
  public static NetworkJson toJson(NetworkRecord n, List<EndpointRecord> endpoints) {
    Map<String, NetworkJson.EndpointResourceJson> containers = new LinkedHashMap<>();
    for (EndpointRecord e : endpoints) {
      containers.put(e.containerId(), new NetworkJson.EndpointResourceJson(e.containerName(), e.id(),
          e.macAddress() == null ? "" : e.macAddress(), e.ipv4Address() == null ? "" : e.ipv4Address(), ""));
    }
    List<IpamConfigJson> config = n.subnets().stream().map(NetworkApiMapper::toJson).toList();
    return new NetworkJson(n.name(), n.id(), n.created(), "local", n.driver(), false,
        new NetworkJson.IpamJson("default", n.predefined() ? null : Map.of(), config), n.internal(),
        n.attachable(), false, new NetworkJson.ConfigFrom(""), false, containers, n.options(), n.labels());
  }

  private static IpamConfigJson toJson(SubnetConfig s) {
    return new IpamConfigJson(s.subnet(), s.ipRange(), s.gateway(),
        s.auxAddresses().isEmpty() ? null : s.auxAddresses());
  }

  /** One entry of a container's NetworkSettings.Networks. */
  public static EndpointSettingsJson toSettings(NetworkRecord n, EndpointRecord e, boolean showIpamConfig) {
    SubnetConfig s = n.primarySubnet();
    EndpointSettingsJson.IpamConfig ipam = showIpamConfig && e.staticAddress()
        ? new EndpointSettingsJson.IpamConfig(e.ip(), null, null) : null;
    return new EndpointSettingsJson(ipam, null, e.aliases().isEmpty() ? null : e.aliases(), n.id(), e.id(),
        s == null || s.gateway() == null ? "" : s.gateway(), e.ip(), e.prefixLength(), "", "", 0,
        e.macAddress() == null ? "" : e.macAddress(), null);
  }
}
