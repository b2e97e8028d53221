package org.enginelite.engine.swarm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * swarm.Swarm as GET /swarm returns it; without JoinTokens it is the ClusterInfo inside GET /info's Swarm
 * section.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterJson(
    @JsonProperty("ID") String id,
    @JsonProperty("Version") Version version,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("UpdatedAt") String updatedAt,
    @JsonProperty("Spec") SwarmSpecJson spec,
    @JsonProperty("TLSInfo") TlsInfo tlsInfo,
    @JsonProperty("RootRotationInProgress") boolean rootRotationInProgress,
    @JsonProperty("DefaultAddrPool") List<String> defaultAddrPool,
    @JsonProperty("SubnetSize") int subnetSize,
    @JsonProperty("DataPathPort") int dataPathPort,
    @JsonProperty("JoinTokens") JoinTokens joinTokens) {

  public record Version(@JsonProperty("Index") long index) {}

  public record JoinTokens(@JsonProperty("Worker") String worker, @JsonProperty("Manager") String manager) {}

  /** A single node has no mutual TLS to show; the fields exist so clients that read them find them. */
  public record TlsInfo(
      @JsonProperty("TrustRoot") String trustRoot,
      @JsonProperty("CertIssuerSubject") String certIssuerSubject,
      @JsonProperty("CertIssuerPublicKey") String certIssuerPublicKey) {}
}
