package org.enginelite.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.enginelite.engine.service.NetworkAttachment;
import org.enginelite.engine.service.ResourceLimits;
import org.enginelite.engine.service.ServiceMount;
import org.enginelite.engine.service.ServiceSpec;
import org.junit.jupiter.api.Test;

/** The container create request a task becomes: what the engine's container, network and volume steps read. */
class ContainerTaskRuntimeTest {

  private final ContainerTaskRuntime runtime = new ContainerTaskRuntime(() -> {
    throw new AssertionError("no container calls here");
  }, new ObjectMapper(), name -> "svcid", () -> "nodeid");

  @Test
  void createRequest_stackService_carriesSwarmLabelsAliasesMountsAndLimits() {
    ServiceSpec redis = ServiceSpec.of("getstartedlab_redis", "engine-lite/getstarted:latest")
        .withCommand(List.of("redis-server", "--dir", "/data"))
        .withLimits(new ResourceLimits(100_000_000L, 50L * 1024 * 1024));
    redis = new ServiceSpec(redis.name(), redis.image(), redis.command(), Map.of("A", "1"), 1, List.of(),
        List.of(new NetworkAttachment("getstartedlab_webnet", List.of("redis"))),
        List.of(new ServiceMount(ServiceMount.Type.VOLUME, "getstartedlab_redis-data", "/data", false)),
        redis.restartCondition(), redis.limits(), Map.of("com.docker.stack.namespace", "getstartedlab"),
        List.of());
    JsonNode req = runtime.createRequest(redis, 1, "task1");
    assertEquals("engine-lite/getstarted:latest", req.path("Image").asText());
    assertEquals("[\"redis-server\",\"--dir\",\"/data\"]", req.path("Cmd").toString());
    assertEquals("[\"A=1\"]", req.path("Env").toString());
    JsonNode labels = req.path("Labels");
    assertEquals("getstartedlab", labels.path(SwarmLabels.STACK_NAMESPACE).asText());
    assertEquals("svcid", labels.path(SwarmLabels.SERVICE_ID).asText());
    assertEquals("getstartedlab_redis", labels.path(SwarmLabels.SERVICE_NAME).asText());
    assertEquals("task1", labels.path(SwarmLabels.TASK_ID).asText());
    assertEquals("getstartedlab_redis.1.task1", labels.path(SwarmLabels.TASK_NAME).asText());
    JsonNode host = req.path("HostConfig");
    assertEquals(100_000_000L, host.path("NanoCpus").asLong());
    assertEquals(52428800L, host.path("Memory").asLong());
    assertEquals("no", host.path("RestartPolicy").path("Name").asText(), "the reconciler restarts, not the engine");
    assertEquals("getstartedlab_redis-data", host.path("Mounts").get(0).path("Source").asText());
    assertEquals("volume", host.path("Mounts").get(0).path("Type").asText());
    assertEquals("getstartedlab_webnet", host.path("NetworkMode").asText());
    assertEquals("[\"getstartedlab_redis\",\"redis\"]",
        req.path("NetworkingConfig").path("EndpointsConfig").path("getstartedlab_webnet").path("Aliases")
            .toString());
  }

  @Test
  void createRequest_serviceWithoutNetworks_joinsTheDefaultBridge() {
    JsonNode req = runtime.createRequest(ServiceSpec.of("web", "busybox"), 2, "t");
    assertEquals("bridge", req.path("HostConfig").path("NetworkMode").asText());
    assertEquals(0, req.path("HostConfig").path("NanoCpus").asLong());
  }
}
