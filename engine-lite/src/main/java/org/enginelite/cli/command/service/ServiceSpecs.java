package org.enginelite.cli.command.service;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.enginelite.cli.DaemonClient;

/**
 * Read-modify-write of a service spec, as docker service update and scale do: GET the service, change its Spec,
 * POST it back to /services/{id}/update with the version read, so a concurrent change is refused, not lost.
 */
final class ServiceSpecs {

  interface Change {
    void apply(ObjectNode spec);
  }

  private ServiceSpecs() {}

  static JsonNode update(DaemonClient client, String service, Change change) {
    JsonNode current = client.get("/services/" + enc(service));
    ObjectNode spec = ((ObjectNode) current.path("Spec")).deepCopy();
    change.apply(spec);
    long version = current.path("Version").path("Index").asLong();
    return client.post("/services/" + current.path("ID").asText() + "/update?version=" + version, spec);
  }

  static ObjectNode object(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    return n instanceof ObjectNode o ? o : parent.putObject(field);
  }
}
