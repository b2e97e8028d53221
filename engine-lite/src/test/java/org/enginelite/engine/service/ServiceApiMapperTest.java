package org.enginelite.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.service.api.MappedServiceSpec;
import org.enginelite.engine.service.api.ServiceApiMapper;
import org.enginelite.engine.service.api.ServiceJson;
import org.enginelite.engine.service.api.ServiceSpecJson;
import org.junit.jupiter.api.Test;

/** Swarm API JSON (org.enginelite.engine.service.api) to and from the service records. */
class ServiceApiMapperTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The body docker CLI sends for: service create --name web --replicas 5 -p 4000:80 --network webnet
   * --restart-condition on-failure --limit-cpu 0.1 --limit-memory 50M --mount type=volume,source=data,target=/data
   * app:1 httpd -f -p 80 (with the defaults it fills in).
   */
  private static final String CLI_CREATE = """
      {"Name":"web","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"app:1","Args":["httpd","-f","-p","80"],
      "Init":false,"Mounts":[{"Type":"volume","Source":"data","Target":"/data"}],"StopGracePeriod":10000000000,
      "DNSConfig":{},"Isolation":"default"},"Resources":{"Limits":{"NanoCPUs":100000000,"MemoryBytes":52428800},
      "Reservations":{}},"RestartPolicy":{"Condition":"on-failure","MaxAttempts":0},"Placement":{},
      "Networks":[{"Target":"webnet"}],"ForceUpdate":0,"Runtime":"container"},"Mode":{"Replicated":{"Replicas":5}},
      "UpdateConfig":{"Parallelism":1,"FailureAction":"pause","MaxFailureRatio":0,"Order":"stop-first"},
      "RollbackConfig":{"Parallelism":1,"FailureAction":"pause","MaxFailureRatio":0,"Order":"stop-first"},
      "EndpointSpec":{"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":4000,
      "PublishMode":"ingress"}]}}""";

  @Test
  void toSpec_cliCreateBody_allFieldsMapped() throws Exception {
    MappedServiceSpec m = ServiceApiMapper.toSpec(JSON.readValue(CLI_CREATE, ServiceSpecJson.class));
    ServiceSpec expected = new ServiceSpec("web", "app:1", List.of("httpd", "-f", "-p", "80"), Map.of(), 5,
        List.of(PublishedPort.tcp(4000, 80)), List.of(NetworkAttachment.of("webnet")),
        List.of(new ServiceMount(ServiceMount.Type.VOLUME, "data", "/data", false)), RestartCondition.ON_FAILURE,
        new ResourceLimits(100_000_000L, 52_428_800L), Map.of(), List.of());
    assertEquals(expected, m.spec());
    assertEquals(List.of(), m.warnings());
  }

  @Test
  void toJson_thenBack_sameSpec() throws Exception {
    ServiceSpec spec = new ServiceSpec("getstartedlab_redis", "app:1", List.of("redis-server", "--dir", "/data"),
        Map.of("A", "1"), 1, List.of(new PublishedPort(6379, 6379, PublishedPort.Protocol.TCP,
            PublishedPort.Mode.INGRESS)), List.of(new NetworkAttachment("getstartedlab_webnet", List.of("redis"))),
        List.of(new ServiceMount(ServiceMount.Type.BIND, "/srv", "/srv", true)), RestartCondition.NONE,
        ResourceLimits.NONE, Map.of("com.docker.stack.namespace", "getstartedlab"),
        List.of("node.role == manager"));
    spec = spec.withForceUpdate(3);
    String wire = JSON.writeValueAsString(ServiceApiMapper.toJson(spec));
    assertEquals(spec, ServiceApiMapper.toSpec(JSON.readValue(wire, ServiceSpecJson.class)).spec());
    JsonNode tree = JSON.readTree(wire);
    assertEquals("redis", tree.at("/TaskTemplate/Networks/0/Aliases/0").asText());
    assertEquals(1, tree.at("/Mode/Replicated/Replicas").asInt());
    assertEquals("none", tree.at("/TaskTemplate/RestartPolicy/Condition").asText());
    assertEquals(3, tree.at("/TaskTemplate/ForceUpdate").asLong());
  }

  @Test
  void toSpec_placementAndModes() throws Exception {
    String body = "{\"Name\":\"db\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"redis\"},"
        + "\"Placement\":{\"Constraints\":[\"node.role == worker\",\"node.labels.ssd == true\"]}},"
        + "\"Mode\":{\"Global\":{}}}";
    MappedServiceSpec m = ServiceApiMapper.toSpec(JSON.readValue(body, ServiceSpecJson.class));
    assertFalse(m.spec().schedulable());
    assertEquals(1, m.spec().replicas());
    assertEquals(2, m.warnings().size());
  }

  @Test
  void toSpec_invalidBodies_clearMessages() throws Exception {
    var noImage = assertThrows(InvalidParameterException.class, () -> ServiceApiMapper.toSpec(
        JSON.readValue("{\"Name\":\"x\",\"TaskTemplate\":{\"ContainerSpec\":{}}}", ServiceSpecJson.class)));
    assertEquals("ContainerSpec: image reference must be provided", noImage.getMessage());
    var job = assertThrows(InvalidParameterException.class, () -> ServiceApiMapper.toSpec(JSON.readValue(
        "{\"Name\":\"x\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"a\"}},\"Mode\":{\"ReplicatedJob\":{}}}",
        ServiceSpecJson.class)));
    assertEquals("job services are not supported", job.getMessage());
    var npipe = assertThrows(InvalidParameterException.class, () -> ServiceApiMapper.toSpec(JSON.readValue(
        "{\"Name\":\"x\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"a\",\"Mounts\":[{\"Type\":\"npipe\","
            + "\"Target\":\"/p\"}]}}}", ServiceSpecJson.class)));
    assertEquals("mount type \"npipe\" is not supported", npipe.getMessage());
  }

  @Test
  void taskJson_hasWhatServicePsReads() throws Exception {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    ServiceSpec spec = ServiceSpec.of("web", "app:1").withReplicas(2);
    Task t = new Task("abcdefghijklmnopqrstuvwxy", 7, "web", 2, spec, "c42", TaskState.SHUTDOWN, TaskState.FAILED,
        t0, t0.plusSeconds(3), 137, "task: non-zero exit (137)");
    JsonNode json = JSON.readTree(JSON.writeValueAsString(ServiceApiMapper.toJson(t, "svc1", "node1", 9)));
    assertEquals("abcdefghijklmnopqrstuvwxy", json.get("ID").asText());
    assertEquals("svc1", json.get("ServiceID").asText());
    assertEquals("node1", json.get("NodeID").asText());
    assertEquals(2, json.get("Slot").asInt());
    assertEquals("shutdown", json.get("DesiredState").asText());
    assertEquals("failed", json.at("/Status/State").asText());
    assertEquals("2026-01-01T00:00:03Z", json.at("/Status/Timestamp").asText());
    assertEquals("task: non-zero exit (137)", json.at("/Status/Err").asText());
    assertEquals(137, json.at("/Status/ContainerStatus/ExitCode").asInt());
    assertEquals("app:1", json.at("/Spec/ContainerSpec/Image").asText());
    assertEquals(9, json.at("/Version/Index").asLong());
  }

  @Test
  void serviceJson_statusCountsRunningTasks() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    ServiceSpec spec = ServiceSpec.of("web", "app:1").withReplicas(3);
    List<Task> tasks = List.of(
        new Task("a", 1, "web", 1, spec, "c1", TaskState.RUNNING, TaskState.RUNNING, t0, t0, 0, null),
        new Task("b", 2, "web", 2, spec, "c2", TaskState.RUNNING, TaskState.STARTING, t0, t0, 0, null));
    ServiceJson s = ServiceApiMapper.toJson("id1", 3, t0, t0, spec, tasks);
    assertEquals(new ServiceJson.ServiceStatus(1, 3, 0), s.serviceStatus());
    assertTrue(s.endpoint().ports().isEmpty());
  }
}
