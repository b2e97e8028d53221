package org.enginelite.engine.swarm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Counters of one published port's frontend (GET /ingress/stats, GET /services/{id}/lb). Not a Docker shape:
 * Docker's routing mesh exposes no counters, so these live on routes of their own.
 */
public record IngressStatsJson(
    @JsonProperty("Service") String service,
    @JsonProperty("PublishedPort") int publishedPort,
    @JsonProperty("Protocol") String protocol,
    @JsonProperty("Listen") String listen,
    @JsonProperty("ActiveConnections") long activeConnections,
    @JsonProperty("TotalConnections") long totalConnections,
    @JsonProperty("BytesIn") long bytesIn,
    @JsonProperty("BytesOut") long bytesOut,
    @JsonProperty("Backends") List<Backend> backends) {

  public record Backend(
      @JsonProperty("Address") String address,
      @JsonProperty("State") String state,
      @JsonProperty("ActiveConnections") long activeConnections,
      @JsonProperty("TotalConnections") long totalConnections,
      @JsonProperty("BytesIn") long bytesIn,
      @JsonProperty("BytesOut") long bytesOut,
      @JsonProperty("Failures") long failures) {}
}
