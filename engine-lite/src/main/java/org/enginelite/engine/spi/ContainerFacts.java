package org.enginelite.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * What a container's record says of it, read without building its {@code /containers/{id}/json} body: for
 * callers that act on a container (a network connect) and need only these.
 *
 * @param id the full id
 * @param name the name, without Docker's leading slash
 * @param createRequest Docker's create request as the container was made from it (never changed in place)
 * @param running true while its process runs or is paused or restarting (inspect's State.Running)
 * @param hostsPath its /etc/hosts on the host (inspect's HostsPath)
 * @param hostname the hostname given at create, empty for the default (the short id)
 * @param domainname the domain name given at create, empty for none
 */
public record ContainerFacts(String id, String name, ObjectNode createRequest, boolean running, Path hostsPath,
    String hostname, String domainname) {

  /** The create request's HostConfig, empty when it has none. */
  public ObjectNode hostConfig() {
    JsonNode n = createRequest.get("HostConfig");
    return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
  }

  /** The hostname the container runs with: the one given, else the first 12 characters of its id. */
  public String effectiveHostname() {
    return hostname.isEmpty() ? id.substring(0, 12) : hostname;
  }
}
