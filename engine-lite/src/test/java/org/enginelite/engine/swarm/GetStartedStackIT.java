package org.enginelite.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.api.ServiceApiMapper;
import org.enginelite.engine.stack.ComposeFile;
import org.enginelite.engine.stack.StackDiff;
import org.enginelite.engine.stack.StackNetwork;
import org.enginelite.engine.stack.StackPlanner;
import org.enginelite.engine.stack.StackResources;
import org.enginelite.engine.stack.StackVolume;
import org.enginelite.engine.testing.RawApi;
import org.enginelite.engine.testing.LoopbackHttp;
import org.enginelite.engine.testing.TestDaemon;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The seeds' stack on a real daemon: examples/getstartedlab/docker-compose.yml deployed as docker stack deploy
 * does it (compose parsed on the client, networks, volumes and services created through the API), then the
 * routing mesh, a killed task, scaling, the limits in the task's cgroup, stack rm and a new deploy. The steps
 * share one daemon and run in order; the requests to port 4000 are made inside the daemon's network namespace.
 */
@Privileged
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GetStartedStackIT {

  private static final String STACK = "getstartedlab";
  private static final String WEB = STACK + "_web";
  private static final String REDIS = STACK + "_redis";
  private static final Pattern PAGE = Pattern.compile("Hostname:</b> (\\S+)<br/><b>Visits:</b> (\\d+)");

  private TestDaemon daemon;
  private RawApi api;
  private int lastCount;

  @BeforeAll
  void start() throws Exception {
    daemon = TestDaemon.start();
    api = daemon.api();
    AppImage.importInto(daemon);
    RawApi.Response init = api.post("/v1.41/swarm/init", Map.of("ListenAddr", "0.0.0.0:2377"));
    assertEquals(200, init.status(), init.text());
  }

  @AfterAll
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
  }

  @Test
  @Order(1)
  void deploy_seedsComposeFile_fiveHostnamesOverFiveRequestsCountingUp() throws Exception {
    deploy();
    Map<String, Integer> pages = fiveRequests();
    assertEquals(5, pages.size(), "five requests, five different task hostnames: " + pages);
    List<Integer> counts = new ArrayList<>(pages.values());
    for (int i = 1; i < counts.size(); i++) {
      assertEquals(counts.get(0) + i, counts.get(i), "the counter rises by one per request: " + counts);
    }
    assertEquals(1, counts.get(0), "a fresh volume counts from 1");
    lastCount = counts.get(counts.size() - 1);
    JsonNode stats = api.get("/v1.41/services/" + WEB + "/lb").json();
    assertEquals(4000, stats.get(0).path("PublishedPort").asInt());
    assertEquals(5, stats.get(0).path("Backends").size(), stats.toString());
  }

  @Test
  @Order(2)
  void killTask_processKilled_newTaskReplacesItInItsSlot() throws Exception {
    Map<Integer, JsonNode> before = runningBySlot(WEB);
    JsonNode victim = before.get(3);
    String container = victim.path("Status").path("ContainerStatus").path("ContainerID").asText();
    assertEquals(204, api.post("/v1.41/containers/" + container + "/kill?signal=KILL").status());
    await("a new task in slot 3", () -> {
      JsonNode now = runningBySlot(WEB).get(3);
      return now != null && !now.path("ID").asText().equals(victim.path("ID").asText());
    });
    await("5 tasks running", () -> runningBySlot(WEB).size() == 5);
    JsonNode old = api.get("/v1.41/tasks/" + victim.path("ID").asText()).json();
    assertEquals("shutdown", old.path("DesiredState").asText());
    assertEquals("failed", old.path("Status").path("State").asText());
  }

  @Test
  @Order(3)
  void scale_fiveToTwoToSix_survivingTasksKeepRunning() throws Exception {
    Map<Integer, JsonNode> five = runningBySlot(WEB);
    scale(WEB, 2);
    await("2 tasks running", () -> runningBySlot(WEB).size() == 2);
    Map<Integer, JsonNode> two = runningBySlot(WEB);
    assertEquals(Set.of(1, 2), two.keySet());
    for (int slot : two.keySet()) {
      assertEquals(five.get(slot).path("ID").asText(), two.get(slot).path("ID").asText(), "slot " + slot);
    }
    scale(WEB, 6);
    await("6 tasks running", () -> runningBySlot(WEB).size() == 6);
    Map<Integer, JsonNode> six = runningBySlot(WEB);
    for (int slot : two.keySet()) {
      assertEquals(two.get(slot).path("ID").asText(), six.get(slot).path("ID").asText(), "slot " + slot);
    }
    scale(WEB, 5);
    await("5 tasks running", () -> runningBySlot(WEB).size() == 5);
  }

  @Test
  @Order(4)
  void limits_composeCpusAndMemory_inTheTaskContainersCgroup() throws Exception {
    JsonNode task = runningBySlot(WEB).get(1);
    String container = task.path("Status").path("ContainerStatus").path("ContainerID").asText();
    int pid = api.get("/v1.41/containers/" + container + "/json").json().path("State").path("Pid").asInt();
    Map<String, String> cgroups = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"))) {
      String[] parts = line.split(":", 3);
      for (String controller : parts[1].split(",")) {
        cgroups.put(controller, parts[2]);
      }
    }
    Path cpu = Path.of("/sys/fs/cgroup/cpu" + cgroups.get("cpu"));
    long quota = Long.parseLong(Files.readString(cpu.resolve("cpu.cfs_quota_us")).trim());
    long period = Long.parseLong(Files.readString(cpu.resolve("cpu.cfs_period_us")).trim());
    assertEquals(0.1, (double) quota / period, 1e-9, "cpus: \"0.1\"");
    Path memory = Path.of("/sys/fs/cgroup/memory" + cgroups.get("memory"));
    assertEquals(50L * 1024 * 1024, Long.parseLong(Files.readString(memory.resolve("memory.limit_in_bytes")).trim()));
  }

  @Test
  @Order(5)
  void stackRm_leavesNoContainerNetworkOrFrontend_butKeepsTheVolume() throws Exception {
    StackPlanner planner = new StackPlanner(StackPlanner.DOCKER_DEFAULT_DRIVER);
    StackDiff removal = planner.removal(current());
    for (String s : removal.removeServices()) {
      assertEquals(200, api.delete("/v1.41/services/" + s).status());
    }
    for (String n : removal.removeNetworks()) {
      RawApi.Response r = api.delete("/v1.41/networks/" + n);
      assertEquals(204, r.status(), r.text());
    }
    assertEquals(0, api.get("/v1.41/containers/json?all=1&filters=" + labelFilter()).json().size());
    assertEquals(0, api.get("/v1.41/networks?filters=" + labelFilter()).json().size());
    assertEquals(0, api.get("/v1.41/services").json().size());
    assertEquals(0, api.get("/v1.41/ingress/stats").json().size());
    assertEquals(200, api.get("/v1.41/volumes/" + STACK + "_redis-data").status(), "volumes stay, as in Docker");
    assertTrue(refused(4000), "nothing listens on port 4000 any more");
  }

  @Test
  @Order(6)
  void redeploy_afterStackRm_counterContinuesFromTheVolume() throws Exception {
    deploy();
    Map<String, Integer> pages = fiveRequests();
    List<Integer> counts = new ArrayList<>(pages.values());
    assertEquals(lastCount + 1, counts.get(0), "the counter continues after stack rm and deploy: " + pages);
    lastCount = counts.get(counts.size() - 1);
  }

  @Test
  @Order(7)
  void daemonKilled_restarted_tasksAdoptedAndPortServedAgain() throws Exception {
    Map<Integer, JsonNode> before = runningBySlot(WEB);
    daemon.kill9();
    daemon.restart();
    // The API answers only after the restore: the surviving tasks are adopted and port 4000 is bound again
    // with all five backends by the time the first request is answered.
    assertEquals(5, ingressBackends(4000), "ingress backends on the first answer after the restart");
    Map<Integer, JsonNode> after = runningBySlot(WEB);
    assertEquals(5, after.size(), "tasks running on the first answer after the restart: " + after.keySet());
    for (int slot = 1; slot <= 5; slot++) {
      assertEquals(before.get(slot).path("ID").asText(), after.get(slot).path("ID").asText(),
          "the task of slot " + slot + " kept running through the restart");
    }
    Map<String, Integer> pages = fiveRequests();
    assertEquals(5, pages.size(), pages.toString());
    assertEquals(lastCount + 1, pages.values().iterator().next(), "counter: " + pages);
  }

  // --- steps as docker stack deploy takes them --------------------------------------------------------------

  private void deploy() throws Exception {
    Path file = repoRoot().resolve("examples/getstartedlab/docker-compose.yml");
    ComposeFile compose = ComposeFile.parse(file.toString(), Files.readString(file), Map.of(), file.getParent());
    StackPlanner planner = new StackPlanner(StackPlanner.DOCKER_DEFAULT_DRIVER);
    StackDiff diff = planner.diff(planner.plan(STACK, compose), current(), false);
    for (StackNetwork n : diff.createNetworks()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("Name", n.name());
      body.put("Driver", n.driver());
      body.put("Scope", "swarm");
      body.put("Labels", n.labels());
      RawApi.Response r = api.post("/v1.41/networks/create", body);
      assertEquals(201, r.status(), r.text());
    }
    for (StackVolume v : diff.createVolumes()) {
      RawApi.Response r = api.post("/v1.41/volumes/create", Map.of("Name", v.name(), "Labels", v.labels()));
      assertEquals(201, r.status(), r.text());
    }
    for (ServiceSpec s : diff.createServices()) {
      RawApi.Response r = api.post("/v1.41/services/create", ServiceApiMapper.toJson(s));
      assertEquals(201, r.status(), r.text());
    }
    await("web 5/5 and redis 1/1", () -> runningBySlot(WEB).size() == 5 && runningBySlot(REDIS).size() == 1);
    await("5 ingress backends", () -> {
      JsonNode stats = api.get("/v1.41/services/" + WEB + "/lb").json();
      return stats.size() == 1 && stats.get(0).path("Backends").size() == 5;
    });
  }

  /** The stack's objects that exist, found by the namespace label as docker stack does. */
  private StackResources current() throws Exception {
    List<StackNetwork> networks = new ArrayList<>();
    for (JsonNode n : api.get("/v1.41/networks?filters=" + labelFilter()).json()) {
      networks.add(new StackNetwork(n.path("Name").asText(), n.path("Driver").asText(), Map.of(), Map.of(),
          false, false, List.of(), false));
    }
    List<StackVolume> volumes = new ArrayList<>();
    for (JsonNode v : api.get("/v1.41/volumes?filters=" + labelFilter()).json().path("Volumes")) {
      volumes.add(new StackVolume(v.path("Name").asText(), "local", Map.of(), Map.of(), false));
    }
    List<ServiceSpec> services = new ArrayList<>();
    for (JsonNode s : api.get("/v1.41/services?filters=" + labelFilter()).json()) {
      services.add(ServiceApiMapper.toSpec(new com.fasterxml.jackson.databind.ObjectMapper()
          .treeToValue(s.path("Spec"), org.enginelite.engine.service.api.ServiceSpecJson.class)).spec());
    }
    return new StackResources(networks, volumes, services);
  }

  private void scale(String service, int replicas) throws Exception {
    JsonNode s = api.get("/v1.41/services/" + service).json();
    com.fasterxml.jackson.databind.node.ObjectNode spec = (com.fasterxml.jackson.databind.node.ObjectNode)
        s.path("Spec").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) spec.path("Mode").path("Replicated"))
        .put("Replicas", replicas);
    RawApi.Response r = api.post("/v1.41/services/" + s.path("ID").asText() + "/update?version="
        + s.path("Version").path("Index").asLong(), spec);
    assertEquals(200, r.status(), r.text());
  }

  /** Running tasks of a service that are meant to run, by slot. */
  private Map<Integer, JsonNode> runningBySlot(String service) {
    Map<Integer, JsonNode> out = new HashMap<>();
    String filter = URLEncoder.encode("{\"service\":{\"" + service + "\":true},\"desired-state\":{\"running\":true}}",
        StandardCharsets.UTF_8);
    for (JsonNode t : api.get("/v1.41/tasks?filters=" + filter).json()) {
      if (t.path("Status").path("State").asText().equals("running")) {
        out.put(t.path("Slot").asInt(), t);
      }
    }
    return out;
  }

  /** Five GETs of localhost:4000 from inside the daemon's namespace: hostname to visit count, in order. */
  private Map<String, Integer> fiveRequests() {
    return NetNs.open(daemon.netns()).run(() -> {
      Map<String, Integer> pages = new LinkedHashMap<>();
      for (int i = 0; i < 5; i++) {
        String page = LoopbackHttp.get(4000);
        Matcher m = PAGE.matcher(page);
        assertTrue(m.find(), "not the get-started page: " + page);
        pages.put(m.group(1), Integer.parseInt(m.group(2)));
      }
      return pages;
    });
  }

  /** Backends (not draining) of the ingress frontend on {@code port}, from GET /ingress/stats. */
  private long ingressBackends(int port) {
    long n = 0;
    for (JsonNode f : api.get("/v1.41/ingress/stats").json()) {
      if (f.path("PublishedPort").asInt() == port) {
        for (JsonNode b : f.path("Backends")) {
          n += b.path("State").asText().equals("DRAINING") ? 0 : 1;
        }
      }
    }
    return n;
  }

  private boolean refused(int port) {
    return NetNs.open(daemon.netns()).run(() -> {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return false;
      } catch (IOException e) {
        return true;
      }
    });
  }

  private static String labelFilter() {
    return URLEncoder.encode("{\"label\":{\"" + StackPlanner.NAMESPACE_LABEL + "=" + STACK + "\":true}}",
        StandardCharsets.UTF_8);
  }

  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "\n" + daemon.log());
      }
      Thread.sleep(200);
    }
  }

  private static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.exists(p.resolve("examples/getstartedlab/docker-compose.yml"))) {
      p = p.getParent();
    }
    return p;
  }
}
