package org.enginelite.engine.swarm.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * swarm.InitRequest (POST /swarm/init). Only the address is used: a single node needs no listen socket of its
 * own, and the other fields (pools, autolock, data path port) keep swarmkit's defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InitRequestJson(
    @JsonProperty("ListenAddr") String listenAddr,
    @JsonProperty("AdvertiseAddr") String advertiseAddr,
    @JsonProperty("ForceNewCluster") Boolean forceNewCluster) {}
