package org.enginelite.engine.swarm;

import org.enginelite.engine.spi.ApiFilters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.UnavailableException;
import org.enginelite.engine.service.api.ServiceJson;
import org.enginelite.engine.service.api.ServiceSpecJson;
import org.enginelite.engine.service.api.TaskJson;
import org.enginelite.state.SqliteStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SwarmServicesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;
  private SqliteStateStore store;
  private Swarm swarm;
  private final MemoryTaskRuntime runtime = new MemoryTaskRuntime();
  private SwarmServices services;

  @BeforeEach
  void setUp() throws Exception {
    dir = Files.createTempDirectory("el-swarm-");
    store = SqliteStateStore.open(dir);
    swarm = new Swarm(store, Clock.systemUTC());
    services = new SwarmServices(swarm, store, runtime, Clock.systemUTC()).start(Duration.ofHours(1));
  }

  @AfterEach
  void tearDown() throws Exception {
    services.close();
    store.close();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The JSON the docker CLI sends for `service create --name NAME --replicas N -p P:80 IMAGE`. */
  private static ServiceSpecJson spec(String name, int replicas, int published) throws Exception {
    String ports = published < 0 ? "" : ",\"EndpointSpec\":{\"Mode\":\"vip\",\"Ports\":[{\"Protocol\":\"tcp\","
        + "\"TargetPort\":80,\"PublishedPort\":" + published + ",\"PublishMode\":\"ingress\"}]}";
    return JSON.readValue("{\"Name\":\"" + name + "\",\"Labels\":{\"tier\":\"front\"},\"TaskTemplate\":"
        + "{\"ContainerSpec\":{\"Image\":\"app:1\",\"Args\":[\"app-web\"]},\"ForceUpdate\":0,"
        + "\"Runtime\":\"container\"},\"Mode\":{\"Replicated\":{\"Replicas\":" + replicas + "}},"
        + "\"UpdateConfig\":{\"Parallelism\":1}" + ports + "}", ServiceSpecJson.class);
  }

  private void settle() {
    services.reconcileNow();
    services.reconcileNow();
  }

  private Set<String> runningTaskIds(String service) {
    return services.tasks(ApiFilters.parse("{\"service\":{\"" + service + "\":true},\"desired-state\":"
        + "{\"running\":true}}", SwarmServices.TASK_FILTERS)).stream()
        .filter(t -> t.status().state().equals("running")).map(TaskJson::id).collect(Collectors.toSet());
  }

  @Test
  void create_beforeSwarmInit_isRefusedWithDockersMessage() throws Exception {
    UnavailableException e = assertThrows(UnavailableException.class, () -> services.create(spec("web", 1, -1)));
    assertTrue(e.getMessage().startsWith("This node is not a swarm manager."), e.getMessage());
  }

  @Test
  void create_threeReplicas_listShowsThreeOfThreeAndTasksNamedBySlot() throws Exception {
    String nodeId = swarm.init(null);
    String id = services.create(spec("web", 3, 4000)).id();
    settle();
    ServiceJson web = services.list(ApiFilters.parse("{\"label\":{\"tier=front\":true}}",
        SwarmServices.SERVICE_FILTERS)).get(0);
    assertEquals(id, web.id());
    assertEquals(3, web.serviceStatus().runningTasks());
    assertEquals(3, web.serviceStatus().desiredTasks());
    assertEquals(4000, web.endpoint().ports().get(0).publishedPort());
    List<TaskJson> tasks = services.tasks(ApiFilters.parse("{\"service\":[\"web\"]}", SwarmServices.TASK_FILTERS));
    assertEquals(Set.of(1, 2, 3), tasks.stream().map(TaskJson::slot).collect(Collectors.toSet()));
    assertTrue(tasks.stream().allMatch(t -> t.nodeId().equals(nodeId) && t.serviceId().equals(id)));
    assertEquals(id, services.inspect(id.substring(0, 6)).id());
    assertEquals(id, services.inspect("web").id());
  }

  @Test
  void create_sameNameTwice_conflicts() throws Exception {
    swarm.init(null);
    services.create(spec("web", 1, -1));
    assertThrows(ConflictException.class, () -> services.create(spec("web", 1, -1)));
  }

  @Test
  void create_portOfAnotherService_isRefusedAndDynamicPortsAreAssigned() throws Exception {
    swarm.init(null);
    services.create(spec("web", 1, 4000));
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> services.create(spec("other", 1, 4000)));
    assertTrue(e.getMessage().contains("port '4000' is already in use by service 'web'"), e.getMessage());
    services.create(spec("dyn", 1, 0));
    assertEquals(PortAllocator.DYNAMIC_FIRST,
        services.inspect("dyn").endpoint().ports().get(0).publishedPort());
  }

  @Test
  void update_staleVersion_isRefusedAndScaleKeepsSurvivingTasks() throws Exception {
    swarm.init(null);
    services.create(spec("web", 5, 4000));
    settle();
    long version = services.inspect("web").version().index();
    Set<String> before = runningTaskIds("web");
    assertEquals(5, before.size());
    assertThrows(ConflictException.class, () -> services.update("web", version - 1, spec("web", 2, 4000)));
    services.update("web", version, spec("web", 2, 4000));
    assertEquals(version + 1, services.inspect("web").version().index());
    settle();
    Set<String> after2 = runningTaskIds("web");
    assertEquals(2, after2.size());
    assertTrue(before.containsAll(after2), "scaling down keeps the lower slots' tasks");
    services.update("web", version + 1, spec("web", 6, 4000));
    settle();
    Set<String> after6 = runningTaskIds("web");
    assertEquals(6, after6.size());
    assertTrue(after6.containsAll(after2), "scaling up keeps the running tasks");
  }

  @Test
  void update_rename_isRefused() throws Exception {
    swarm.init(null);
    services.create(spec("web", 1, -1));
    long version = services.inspect("web").version().index();
    assertThrows(InvalidParameterException.class, () -> services.update("web", version, spec("web2", 1, -1)));
  }

  @Test
  void restart_restoresServicesAndTasksFromTheStore() throws Exception {
    swarm.init(null);
    String id = services.create(spec("web", 2, 4000)).id();
    settle();
    Set<String> tasks = runningTaskIds("web");
    services.close();
    Swarm again = new Swarm(store, Clock.systemUTC());
    services = new SwarmServices(again, store, runtime, Clock.systemUTC()).start(Duration.ofHours(1));
    settle();
    assertEquals(id, services.inspect("web").id());
    assertEquals(tasks, runningTaskIds("web"), "the running containers are adopted, not replaced");
  }

  @Test
  void remove_stopsTasksBeforeReturning() throws Exception {
    swarm.init(null);
    services.create(spec("web", 3, -1));
    settle();
    services.remove("web");
    assertTrue(runtime.containers.isEmpty(), "containers left: " + runtime.containers.keySet());
    assertThrows(NotFoundException.class, () -> services.inspect("web"));
    assertTrue(store.list(SwarmServices.TASKS, StoredTask.class).isEmpty());
  }

  @Test
  void leave_withoutForce_isRefused_withForce_erasesServices() throws Exception {
    swarm.init(null);
    services.create(spec("web", 2, -1));
    settle();
    assertThrows(UnavailableException.class, () -> swarm.leave(false, services::removeAll));
    swarm.leave(true, services::removeAll);
    assertTrue(runtime.containers.isEmpty());
    assertTrue(store.list(SwarmServices.SERVICES, StoredService.class).isEmpty());
    assertThrows(UnavailableException.class, () -> services.list(ApiFilters.NONE));
  }

  @Test
  void killedTask_isReplacedInItsSlot() throws Exception {
    swarm.init(null);
    services.create(spec("web", 2, -1));
    settle();
    String victim = runtime.containers.keySet().iterator().next();
    runtime.exit(victim, 137);
    settle();
    assertEquals(2, runningTaskIds("web").size());
    assertTrue(services.tasks(ApiFilters.parse("{\"desired-state\":[\"shutdown\"]}", SwarmServices.TASK_FILTERS))
        .stream().anyMatch(t -> t.status().state().equals("failed")));
  }

  @Test
  void filters_unknownKey_isRejected() {
    assertThrows(InvalidParameterException.class,
        () -> ApiFilters.parse("{\"colour\":{\"red\":true}}", SwarmServices.SERVICE_FILTERS));
  }
}
