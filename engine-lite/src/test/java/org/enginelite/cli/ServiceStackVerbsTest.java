package org.enginelite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.enginelite.cli.FakeDaemon.Reply;
import org.junit.jupiter.api.Test;

class ServiceStackVerbsTest {

  private static final Path COMPOSE =
      Path.of("").toAbsolutePath().getParent().resolve("examples/getstartedlab/docker-compose.yml");

  @Test
  void serviceCreate_issueFlags_sendsDockersSpec() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> r.method().equals("GET")
        ? Reply.json(200, "{\"Id\":\"netid\",\"Name\":\"webnet\"}") : Reply.json(201, "{\"ID\":\"svcid\"}"))) {
      CliRun run = CliRun.of(d.uri(), "service", "create", "--name", "web", "--replicas", "5", "-p", "4000:80",
          "--network", "webnet", "--restart-condition", "on-failure", "--limit-cpu", "0.1", "--limit-memory", "50M",
          "--mount", "type=volume,source=data,target=/data", "-v", "/srv:/srv:ro", "-e", "A=1", "busybox", "httpd",
          "-f");
      assertEquals(0, run.status(), run.err());
      assertEquals("svcid\n", run.out());
      assertEquals("/v1.41/networks/webnet", d.apiRequests().get(0).path());
      JsonNode spec = Json.mapper().readTree(d.apiRequests().get(1).body());
      assertEquals("web", spec.path("Name").asText());
      JsonNode task = spec.path("TaskTemplate");
      assertEquals("busybox:latest", task.path("ContainerSpec").path("Image").asText());
      assertEquals("[\"httpd\",\"-f\"]", task.path("ContainerSpec").path("Args").toString());
      assertEquals("[\"A=1\"]", task.path("ContainerSpec").path("Env").toString());
      assertEquals("[{\"Type\":\"volume\",\"Source\":\"data\",\"Target\":\"/data\"},"
          + "{\"Type\":\"bind\",\"Source\":\"/srv\",\"Target\":\"/srv\",\"ReadOnly\":true}]",
          task.path("ContainerSpec").path("Mounts").toString());
      assertEquals("{\"NanoCPUs\":100000000,\"MemoryBytes\":52428800}",
          task.path("Resources").path("Limits").toString());
      assertEquals("on-failure", task.path("RestartPolicy").path("Condition").asText());
      assertEquals("[{\"Target\":\"netid\"}]", task.path("Networks").toString());
      assertEquals(5, spec.path("Mode").path("Replicated").path("Replicas").asInt());
      assertEquals("{\"Mode\":\"vip\",\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishedPort\":4000,"
          + "\"PublishMode\":\"ingress\"}]}", spec.path("EndpointSpec").toString());
    }
  }

  @Test
  void serviceScale_readsSpecAndPostsItBackWithVersion() throws Exception {
    String service = "{\"ID\":\"svcid\",\"Version\":{\"Index\":7},\"Spec\":{\"Name\":\"web\",\"TaskTemplate\":"
        + "{\"ContainerSpec\":{\"Image\":\"busybox:latest\"}},\"Mode\":{\"Replicated\":{\"Replicas\":5}}}}";
    try (FakeDaemon d = new FakeDaemon(r -> r.method().equals("GET") ? Reply.json(200, service)
        : Reply.json(200, "{\"Warnings\":[]}"))) {
      CliRun run = CliRun.of(d.uri(), "service", "scale", "web=8");
      assertEquals("web scaled to 8\n", run.out());
      FakeDaemon.Request update = d.apiRequests().get(1);
      assertEquals("/v1.41/services/svcid/update", update.path());
      assertEquals("version=7", update.query());
      assertEquals(8, Json.mapper().readTree(update.body()).path("Mode").path("Replicated").path("Replicas")
          .asInt());
    }
  }

  @Test
  void serviceLs_replicasFromServiceStatus() throws Exception {
    String list = "[{\"ID\":\"abcdefghijklmnopqrstuvwxy\",\"Spec\":{\"Name\":\"web\",\"TaskTemplate\":"
        + "{\"ContainerSpec\":{\"Image\":\"engine-lite/getstarted:latest\"}},\"Mode\":{\"Replicated\":"
        + "{\"Replicas\":5}}},\"Endpoint\":{\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":80,"
        + "\"PublishedPort\":4000}]},\"ServiceStatus\":{\"RunningTasks\":5,\"DesiredTasks\":5}}]";
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(200, list))) {
      CliRun run = CliRun.of(d.uri(), "service", "ls");
      assertEquals(String.join("\n",
          "ID             NAME      MODE         REPLICAS   IMAGE                           PORTS",
          "abcdefghijkl   web       replicated   5/5        engine-lite/getstarted:latest   *:4000->80/tcp", ""),
          run.out());
      assertEquals("status=true", d.apiRequests().get(0).query());
    }
  }

  @Test
  void stackDeploy_twice_createsWithStackLabelsThenLeavesUnchangedServicesAlone() throws Exception {
    Map<String, ObjectNode> services = new ConcurrentHashMap<>();
    Map<String, ObjectNode> networks = new ConcurrentHashMap<>();
    Map<String, ObjectNode> volumes = new ConcurrentHashMap<>();
    try (FakeDaemon d = new FakeDaemon(r -> fakeSwarm(r, services, networks, volumes))) {
      CliRun first = CliRun.of(d.uri(), "stack", "deploy", "-c", COMPOSE.toString(), "getstartedlab");
      assertEquals(0, first.status(), first.err());
      assertEquals(String.join("\n", "Creating network getstartedlab_webnet",
          "Creating volume getstartedlab_redis-data", "Creating service getstartedlab_web",
          "Creating service getstartedlab_redis", ""), first.out());
      JsonNode web = services.get("getstartedlab_web");
      assertEquals("getstartedlab", web.path("Labels").path("com.docker.stack.namespace").asText());
      assertEquals(5, web.path("Mode").path("Replicated").path("Replicas").asInt());
      assertEquals("getstartedlab_webnet", web.path("TaskTemplate").path("Networks").get(0).path("Target").asText());
      assertEquals("getstartedlab", networks.get("getstartedlab_webnet").path("Labels")
          .path("com.docker.stack.namespace").asText());

      CliRun again = CliRun.of(d.uri(), "stack", "deploy", "-c", COMPOSE.toString(), "getstartedlab");
      assertEquals(0, again.status(), again.err());
      assertEquals("", again.out());

      ((ObjectNode) services.get("getstartedlab_web").path("Mode").path("Replicated")).put("Replicas", 2);
      CliRun changed = CliRun.of(d.uri(), "stack", "deploy", "-c", COMPOSE.toString(), "getstartedlab");
      assertEquals("Updating service getstartedlab_web (id: id-getstartedlab_web)\n", changed.out());
      assertEquals(5, services.get("getstartedlab_web").path("Mode").path("Replicated").path("Replicas").asInt());

      CliRun ls = CliRun.of(d.uri(), "stack", "ls");
      assertEquals("NAME            SERVICES\ngetstartedlab   2\n", ls.out());

      CliRun rm = CliRun.of(d.uri(), "stack", "rm", "getstartedlab");
      assertEquals(String.join("\n", "Removing service getstartedlab_redis", "Removing service getstartedlab_web",
          "Removing network getstartedlab_webnet", ""), rm.out());
      assertTrue(services.isEmpty());
      assertTrue(networks.isEmpty());
    }
  }

  /** Just enough of the swarm API to keep a stack's services and networks between CLI calls. */
  private static Reply fakeSwarm(FakeDaemon.Request r, Map<String, ObjectNode> services,
      Map<String, ObjectNode> networks, Map<String, ObjectNode> volumes) {
    try {
      String p = r.path().replace("/v1.41", "");
      if (r.method().equals("POST") && p.equals("/services/create")) {
        ObjectNode spec = (ObjectNode) Json.mapper().readTree(r.body());
        services.put(spec.path("Name").asText(), spec);
        return Reply.json(201, "{\"ID\":\"id-" + spec.path("Name").asText() + "\"}");
      }
      if (r.method().equals("POST") && p.startsWith("/services/") && p.endsWith("/update")) {
        ObjectNode spec = (ObjectNode) Json.mapper().readTree(r.body());
        services.put(spec.path("Name").asText(), spec);
        return Reply.json(200, "{\"Warnings\":[]}");
      }
      if (r.method().equals("POST") && p.equals("/networks/create")) {
        ObjectNode net = (ObjectNode) Json.mapper().readTree(r.body());
        networks.put(net.path("Name").asText(), net);
        return Reply.json(201, "{\"Id\":\"n1\"}");
      }
      if (r.method().equals("POST") && p.equals("/volumes/create")) {
        ObjectNode v = (ObjectNode) Json.mapper().readTree(r.body());
        volumes.put(v.path("Name").asText(), v);
        return Reply.json(201, r.body());
      }
      if (r.method().equals("DELETE") && p.startsWith("/services/")) {
        services.remove(p.substring("/services/".length()));
        return Reply.json(200, "");
      }
      if (r.method().equals("DELETE") && p.startsWith("/networks/")) {
        networks.remove(p.substring("/networks/".length()));
        return Reply.json(204, "");
      }
      if (p.equals("/services")) {
        ArrayNode list = Json.mapper().createArrayNode();
        services.values().stream().sorted((a, b) -> a.path("Name").asText().compareTo(b.path("Name").asText()))
            .forEach(s -> list.addObject().put("ID", "id-" + s.path("Name").asText()).set("Spec", s));
        return Reply.json(200, list.toString());
      }
      if (p.startsWith("/services/")) {
        String name = p.substring("/services/".length());
        ObjectNode s = Json.mapper().createObjectNode().put("ID", "id-" + name);
        s.putObject("Version").put("Index", 1);
        s.set("Spec", services.get(name));
        return Reply.json(200, s.toString());
      }
      if (p.equals("/networks")) {
        ArrayNode list = Json.mapper().createArrayNode();
        networks.values().forEach(list::add);
        return Reply.json(200, list.toString());
      }
      if (p.equals("/volumes")) {
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode list = answer.putArray("Volumes");
        volumes.values().forEach(list::add);
        return Reply.json(200, answer.toString());
      }
      return Reply.json(404, "{\"message\":\"not found: " + p + "\"}");
    } catch (Exception e) {
      return Reply.json(500, "{\"message\":\"" + e + "\"}");
    }
  }

  @SuppressWarnings("unused")
  private static List<String> paths(FakeDaemon d) {
    return d.apiRequests().stream().map(FakeDaemon.Request::path).toList();
  }
}
