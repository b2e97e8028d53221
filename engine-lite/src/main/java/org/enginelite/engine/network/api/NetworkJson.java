package org.enginelite.engine.network.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** types.NetworkResource: one network as GET /networks and GET /networks/{id} return it. */
public record NetworkJson(
    @JsonProperty("Name") String name,
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Scope") String scope,
    @JsonProperty("Driver") String driver,
    @JsonProperty("EnableIPv6") boolean enableIpv6,
    @JsonProperty("IPAM") IpamJson ipam,
    @JsonProperty("Internal") boolean internal,
    @JsonProperty("Attachable") boolean attachable,
    @JsonProperty("Ingress") boolean ingress,
    @JsonProperty("ConfigFrom") ConfigFrom configFrom,
    @JsonProperty("ConfigOnly") boolean configOnly,
    @JsonProperty("Containers") Map<String, EndpointResourceJson> containers,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Labels") Map<String, String> labels) {

  /** Always empty here: config-only networks are a swarm feature. */
  public record ConfigFrom(@JsonProperty("Network") String network) {}

  /** types.EndpointResource: an entry of the Containers map. */
  public record EndpointResourceJson(
      @JsonProperty("Name") String name,
      @JsonProperty("EndpointID") String endpointId,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("IPv4Address") String ipv4Address,
      @JsonProperty("IPv6Address") String ipv6Address) {}

  /** network.IPAM. */
  public record IpamJson(
      @JsonProperty("Driver") String driver,
      @JsonProperty("Options") Map<String, String> options,
      @JsonProperty("Config") List<IpamConfigJson> config) {}
}
