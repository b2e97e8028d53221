package org.enginelite.engine.network.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** types.NetworkConnect: the body of POST /networks/{id}/connect. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectJson(
    @JsonProperty("Container") String container,
    @JsonProperty("EndpointConfig") EndpointSettingsJson endpointConfig) {}
