package org.enginelite.engine.network.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** types.NetworkCreateRequest: the body of POST /networks/create. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkCreateJson(
    @JsonProperty("Name") String name,
    @JsonProperty("CheckDuplicate") Boolean checkDuplicate,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Scope") String scope,
    @JsonProperty("EnableIPv6") Boolean enableIpv6,
    @JsonProperty("IPAM") Ipam ipam,
    @JsonProperty("Internal") Boolean internal,
    @JsonProperty("Attachable") Boolean attachable,
    @JsonProperty("Ingress") Boolean ingress,
    @JsonProperty("ConfigOnly") Boolean configOnly,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Labels") Map<String, String> labels) {

  /** The IPAM part of a create request. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Ipam(
      @JsonProperty("Driver") String driver,
      @JsonProperty("Config") List<IpamConfigJson> config,
      @JsonProperty("Options") Map<String, String> options) {}

  /** The 201 answer. */
  public record Response(@JsonProperty("Id") String id, @JsonProperty("Warning") String warning) {}
}
