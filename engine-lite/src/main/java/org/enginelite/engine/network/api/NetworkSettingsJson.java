package org.enginelite.engine.network.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * types.NetworkSettings of GET /containers/{id}/json. The top-level address fields describe the default
 * {@code bridge} network only, as in Docker; Ports maps every exposed port to its host bindings (null when the
 * port is exposed but not published).
 */
public record NetworkSettingsJson(
    @JsonProperty("Bridge") String bridge,
    @JsonProperty("SandboxID") String sandboxId,
    @JsonProperty("HairpinMode") boolean hairpinMode,
    @JsonProperty("LinkLocalIPv6Address") String linkLocalIpv6Address,
    @JsonProperty("LinkLocalIPv6PrefixLen") int linkLocalIpv6PrefixLen,
    @JsonProperty("Ports") Map<String, List<PortMapJson>> ports,
    @JsonProperty("SandboxKey") String sandboxKey,
    @JsonProperty("SecondaryIPAddresses") List<String> secondaryIpAddresses,
    @JsonProperty("SecondaryIPv6Addresses") List<String> secondaryIpv6Addresses,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("Networks") Map<String, EndpointSettingsJson> networks) {

  /** nat.PortBinding. */
  public record PortMapJson(@JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {}

  /** types.Port: an entry of the Ports list of GET /containers/json. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PortJson(
      @JsonProperty("IP") String ip,
      @JsonProperty("PrivatePort") int privatePort,
      @JsonProperty("PublicPort") Integer publicPort,
      @JsonProperty("Type") String type) {}

  /** types.SummaryNetworkSettings: NetworkSettings of GET /containers/json. */
  public record SummaryJson(@JsonProperty("Networks") Map<String, EndpointSettingsJson> networks) {}
}
