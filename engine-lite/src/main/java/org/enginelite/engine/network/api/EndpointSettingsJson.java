package org.enginelite.engine.network.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * network.EndpointSettings: an entry of a container's NetworkSettings.Networks in inspect, of
 * NetworkingConfig.EndpointsConfig at create, and the EndpointConfig of POST /networks/{id}/connect.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointSettingsJson(
    @JsonProperty("IPAMConfig") IpamConfig ipamConfig,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("Aliases") List<String> aliases,
    @JsonProperty("NetworkID") String networkId,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("DriverOpts") Map<String, String> driverOpts) {

  /** network.EndpointIPAMConfig: a static address asked for with --ip. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record IpamConfig(
      @JsonProperty("IPv4Address") String ipv4Address,
      @JsonProperty("IPv6Address") String ipv6Address,
      @JsonProperty("LinkLocalIPs") List<String> linkLocalIps) {}
}
