package org.enginelite.engine.network.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** network.IPAMConfig: one subnet of a network, in create requests and in inspect (empty fields omitted). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IpamConfigJson(
    @JsonProperty("Subnet") String subnet,
    @JsonProperty("IPRange") String ipRange,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("AuxiliaryAddresses") Map<String, String> auxiliaryAddresses) {}
