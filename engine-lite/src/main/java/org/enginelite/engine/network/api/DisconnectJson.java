package org.enginelite.engine.network.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** types.NetworkDisconnect: the body of POST /networks/{id}/disconnect. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisconnectJson(
    @JsonProperty("Container") String container,
    @JsonProperty("Force") boolean force) {}
