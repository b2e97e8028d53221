package org.enginelite.cli.command.stack;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiException;
import org.enginelite.cli.DaemonClient;
import org.enginelite.cli.Json;
import org.enginelite.cli.flags.Filters;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.api.ServiceApiMapper;
import org.enginelite.engine.service.api.ServiceSpecJson;
import org.enginelite.engine.stack.StackNetwork;
import org.enginelite.engine.stack.StackPlanner;
import org.enginelite.engine.stack.StackResources;
import org.enginelite.engine.stack.StackVolume;

/**
 * A stack's objects as they exist in the daemon, found by their com.docker.stack.namespace label, and the API
 * calls that create, update and remove them.
 */
final class StackObjects {

  private final DaemonClient client;

  StackObjects(DaemonClient client) {
    this.client = client;
  }

  /** GET /services?filters={"label":{"com.docker.stack.namespace=NAME":true}} (every stack's when null). */
  JsonNode services(String stack) {
    return client.get("/services?status=true&" + labelFilter(stack));
  }

  JsonNode networks(String stack) {
    return client.get("/networks?" + labelFilter(stack));
  }

  JsonNode volumes(String stack) {
    return client.get("/volumes?" + labelFilter(stack)).path("Volumes");
  }

  /** What exists of the stack, plus the external networks {@code desired} names that exist. */
  StackResources current(String stack, StackResources desired) {
    List<StackNetwork> networks = new ArrayList<>();
    for (JsonNode n : networks(stack)) {
      networks.add(network(n, false));
    }
    for (StackNetwork n : desired.networks()) {
      if (n.external()) {
        try {
          networks.add(network(client.get("/networks/" + enc(n.name())), true));
        } catch (ApiException e) {
          if (!e.notFound()) {
            throw e;
          }
        }
      }
    }
    List<StackVolume> volumes = new ArrayList<>();
    for (JsonNode v : volumes(stack)) {
      volumes.add(new StackVolume(v.path("Name").asText(), v.path("Driver").asText("local"),
          strings(v.path("Options")), strings(v.path("Labels")), false));
    }
    List<ServiceSpec> services = new ArrayList<>();
    for (JsonNode s : services(stack)) {
      services.add(spec(s.path("Spec")));
    }
    return new StackResources(networks, volumes, services);
  }

  /** As docker stack deploy: no Scope, so the daemon picks the driver's own. */
  void createNetwork(StackNetwork n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", n.name());
    body.put("CheckDuplicate", true);
    body.put("Driver", n.driver());
    List<Map<String, Object>> configs = n.subnets().stream().map(s -> Map.<String, Object>of("Subnet", s)).toList();
    body.put("IPAM", Map.of("Driver", "default", "Config", configs));
    body.put("Internal", n.internal());
    body.put("Attachable", n.attachable());
    body.put("Options", n.driverOpts());
    body.put("Labels", n.labels());
    client.post("/networks/create", body);
  }

  void createVolume(StackVolume v) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", v.name());
    body.put("Driver", v.driver());
    body.put("DriverOpts", v.driverOpts());
    body.put("Labels", v.labels());
    client.post("/volumes/create", body);
  }

  void createService(ServiceSpec s) {
    client.post("/services/create", ServiceApiMapper.toJson(s));
  }

  /** Returns the service's id. */
  String updateService(ServiceSpec s) {
    JsonNode current = client.get("/services/" + enc(s.name()));
    String id = current.path("ID").asText();
    long version = current.path("Version").path("Index").asLong();
    client.post("/services/" + id + "/update?version=" + version, ServiceApiMapper.toJson(s));
    return id;
  }

  void removeService(String name) {
    client.delete("/services/" + enc(name));
  }

  void removeNetwork(String name) {
    client.delete("/networks/" + enc(name));
  }

  private static ServiceSpec spec(JsonNode json) {
    try {
      return ServiceApiMapper.toSpec(Json.mapper().treeToValue(json, ServiceSpecJson.class)).spec();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the daemon sent a service spec that cannot be read: " + e.getMessage(), e);
    }
  }

  private static StackNetwork network(JsonNode n, boolean external) {
    List<String> subnets = new ArrayList<>();
    n.path("IPAM").path("Config").forEach(c -> {
      if (c.hasNonNull("Subnet")) {
        subnets.add(c.get("Subnet").asText());
      }
    });
    return new StackNetwork(n.path("Name").asText(), n.path("Driver").asText(), strings(n.path("Options")),
        strings(n.path("Labels")), n.path("Attachable").asBoolean(), n.path("Internal").asBoolean(), subnets,
        external);
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static String labelFilter(String stack) {
    Map<String, Map<String, Boolean>> f = new LinkedHashMap<>();
    f.put("label", Map.of(stack == null ? StackPlanner.NAMESPACE_LABEL : StackPlanner.NAMESPACE_LABEL + "=" + stack,
        true));
    return Filters.query(f);
  }
}
