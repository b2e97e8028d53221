package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.ForbiddenException;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.UnavailableException;
import org.enginelite.ipam.DefaultAddressPools;
import org.enginelite.ipam.DefaultIpamDriver;
import org.enginelite.ipam.HostNetworks;
import org.enginelite.state.SqliteStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's network bookkeeping on the real store and IPAM, with a driver that records instead of the kernel. */
class ContainerNetworkingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private SqliteStateStore state;
  private NetworkStore store;
  private RecordingNetworkDriver driver;
  private NetworkService networks;
  private ContainerNetworking networking;
  private int containerSeq;

  @BeforeEach
  void setUp() {
    state = SqliteStateStore.open(dir);
    store = new NetworkStore(state);
    driver = new RecordingNetworkDriver();
    DefaultIpamDriver ipam = new DefaultIpamDriver(state, DefaultAddressPools.docker(), HostNetworks.none());
    networks = new NetworkService(store, ipam, driver);
    networking = new ContainerNetworking(networks, ipam, driver);
    networks.ensurePredefined();
  }

  @AfterEach
  void tearDown() {
    state.close();
  }

  private static NetworkCreateRequest bridge(String name, String subnet, String gateway) {
    return new NetworkCreateRequest(name, "bridge", false, false, Map.of(), Map.of(),
        subnet == null ? List.of() : List.of(new SubnetRequest(subnet, null, gateway, Map.of())));
  }

  private ContainerHandle container(String name, String request) throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(request);
    ObjectNode hc = r.has("HostConfig") ? (ObjectNode) r.get("HostConfig") : JSON.createObjectNode();
    ObjectNode nc = r.has("NetworkingConfig") ? (ObjectNode) r.get("NetworkingConfig") : JSON.createObjectNode();
    String id = String.format("%064x", ++containerSeq);
    return new ContainerHandle(id, name, ContainerNetworkConfig.parse(r, hc, nc), dir.resolve("netns-" + name));
  }

  /** What the engine does for {@code run}: validate, create in one transaction, start. */
  private void run(ContainerHandle c) {
    networking.validate(c);
    state.transact(() -> networking.create(c));
    networking.start(c);
  }

  @Test
  void ensurePredefined_makesBridgeHostNoneOnce() {
    networks.ensurePredefined();
    assertEquals(List.of("bridge", "host", "none"),
        store.networks().stream().map(NetworkRecord::name).sorted().toList());
    assertEquals("el0", networks.find("bridge").options().get("com.docker.network.bridge.name"));
  }

  @Test
  void create_thenRemove_leavesNoRecordPoolOrKernelObject() {
    NetworkRecord n = networks.create(bridge("my_bridge", "10.77.0.0/24", null));
    assertEquals("10.77.0.1", n.primarySubnet().gateway());
    assertTrue(driver.networks.contains(n.id()));
    networks.remove("my_bridge");
    assertTrue(driver.networks.isEmpty());
    assertThrows(NotFoundException.class, () -> networks.find("my_bridge"));
    networks.create(bridge("again", "10.77.0.0/24", null)); // the pool was released
  }

  @Test
  void create_driverFails_leavesNeitherRecordNorPool() {
    driver.failNext("createNetwork");
    assertThrows(InternalException.class, () -> networks.create(bridge("my_bridge", "10.78.0.0/24", null)));
    assertThrows(NotFoundException.class, () -> networks.find("my_bridge"));
    networks.create(bridge("my_bridge", "10.78.0.0/24", null));
  }

  @Test
  void create_badInput_clearErrorsAndNothingCreated() {
    networks.create(bridge("my_bridge", "10.79.0.0/24", null));
    assertEquals("network with name my_bridge already exists",
        assertThrows(ConflictException.class, () -> networks.create(bridge("my_bridge", null, null))).getMessage());
    assertThrows(ForbiddenException.class, () -> networks.create(bridge("overlap", "10.79.0.0/16", null)));
    assertThrows(InvalidParameterException.class, () -> networks.create(bridge("gw", "10.80.0.0/24", "10.81.0.1")));
    assertThrows(InvalidParameterException.class, () -> networks.create(bridge("bad", "10.80.0.0/33", null)));
    assertThrows(InvalidParameterException.class, () -> networks.create(bridge("bad2", "10.80.0.1/24", null)));
    assertEquals("plugin \"overlay2\" not found", assertThrows(NotFoundException.class, () -> networks.create(
        new NetworkCreateRequest("x", "overlay2", false, false, Map.of(), Map.of(), List.of()))).getMessage());
    assertEquals(4, store.networks().size());
    assertEquals(1, driver.networks.size());
  }

  @Test
  void remove_predefinedOrInUse_isForbiddenAndNamesTheEndpoints() throws Exception {
    assertEquals("bridge is a pre-defined network and cannot be removed",
        assertThrows(ForbiddenException.class, () -> networks.remove("bridge")).getMessage());
    networks.create(bridge("my_bridge", "10.82.0.0/24", null));
    run(container("db", "{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"}}"));
    String message = assertThrows(ForbiddenException.class, () -> networks.remove("my_bridge")).getMessage();
    assertTrue(message.startsWith("error while removing network: network my_bridge id "), message);
    assertTrue(message.contains("has active endpoints (name:\"db\""), message);
  }

  @Test
  void runStopRemove_endpointsLeasesPortsComeAndGo() throws Exception {
    networks.create(bridge("my_bridge", "10.83.0.0/24", null));
    networks.create(bridge("other", "10.84.0.0/24", null));
    ContainerHandle web = container("web", "{\"ExposedPorts\":{\"443/tcp\":{}},\"HostConfig\":{\"NetworkMode\":"
        + "\"my_bridge\",\"PublishAllPorts\":true,\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"28471\"}]}},"
        + "\"NetworkingConfig\":{\"EndpointsConfig\":{\"my_bridge\":{\"IPAMConfig\":{\"IPv4Address\":\"10.83.0.9\"},"
        + "\"Aliases\":[\"www\"]},\"other\":{}}}}");
    run(web);
    List<EndpointRecord> eps = store.endpointsOfContainer(web.id());
    assertEquals(List.of("eth0", "eth1"), eps.stream().map(EndpointRecord::interfaceName).toList());
    assertEquals("10.83.0.9/24", eps.get(0).ipv4Address());
    assertEquals("02:42:0a:53:00:09", eps.get(0).macAddress());
    assertEquals(List.of("www"), eps.get(0).aliases());
    assertEquals("eth0+gw", driver.joined.get(eps.get(0).id()));
    assertEquals("eth1", driver.joined.get(eps.get(1).id()));
    List<PortReservation> held = store.reservationsOfContainer(web.id());
    assertEquals(2, held.size());
    assertTrue(held.stream().anyMatch(r -> r.hostPort() == 28471 && r.containerPort() == 80));
    assertTrue(held.stream().anyMatch(r -> r.hostPort() == 40000 && r.containerPort() == 443));

    networking.stopped(web.id());
    assertTrue(driver.joined.isEmpty());
    assertTrue(driver.endpoints.isEmpty());
    assertTrue(driver.published.isEmpty());
    assertTrue(store.reservations().isEmpty());
    assertEquals(2, store.endpointsOfContainer(web.id()).size(), "leases are kept while stopped");

    networking.remove(web.id());
    assertTrue(store.endpoints().isEmpty());
    ContainerHandle again = container("again", "{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"},\"NetworkingConfig\":"
        + "{\"EndpointsConfig\":{\"my_bridge\":{\"IPAMConfig\":{\"IPv4Address\":\"10.83.0.9\"}}}}}");
    run(again); // the static address was released
  }

  @Test
  void validate_unknownNetworkOrHeldPort_refusedBeforeAnythingIsWritten() throws Exception {
    assertEquals("network nope not found", assertThrows(NotFoundException.class,
        () -> networking.validate(container("x", "{\"HostConfig\":{\"NetworkMode\":\"nope\"}}"))).getMessage());
    run(container("a", "{\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"28472\"}]}}}"));
    ContainerHandle b = container("b", "{\"HostConfig\":{\"PortBindings\":{\"81/tcp\":[{\"HostPort\":\"28472\"}]}}}");
    assertEquals("Bind for 0.0.0.0:28472 failed: port is already allocated",
        assertThrows(ConflictException.class, () -> networking.validate(b)).getMessage());
    assertEquals("network-scoped alias is supported only for containers in user defined networks",
        assertThrows(InvalidParameterException.class, () -> networking.validate(container("c",
            "{\"NetworkingConfig\":{\"EndpointsConfig\":{\"bridge\":{\"Aliases\":[\"x\"]}}}}"))).getMessage());
  }

  @Test
  void create_exhaustedSlash29_clearErrorAndTransactionRolledBack() throws Exception {
    NetworkRecord small = networks.create(bridge("small", "10.85.0.0/29", null));
    for (int i = 0; i < 5; i++) {
      run(container("c" + i, "{\"HostConfig\":{\"NetworkMode\":\"small\"}}"));
    }
    ContainerHandle sixth = container("c5", "{\"HostConfig\":{\"NetworkMode\":\"small\"}}");
    networking.validate(sixth);
    UnavailableException e = assertThrows(UnavailableException.class,
        () -> state.transact(() -> networking.create(sixth)));
    assertEquals("no available IPv4 addresses on this network's address pools: small (" + small.id() + ")",
        e.getMessage());
    assertTrue(store.endpointsOfContainer(sixth.id()).isEmpty());
  }

  @Test
  void start_joinFails_unplugsWhatWasPlugged() throws Exception {
    networks.create(bridge("n1", "10.86.0.0/24", null));
    networks.create(bridge("n2", "10.87.0.0/24", null));
    ContainerHandle c = container("c", "{\"HostConfig\":{\"NetworkMode\":\"n1\"},\"NetworkingConfig\":"
        + "{\"EndpointsConfig\":{\"n2\":{}}}}");
    networking.validate(c);
    state.transact(() -> networking.create(c));
    driver.calls.clear();
    driver.failNext("join");
    assertThrows(InternalException.class, () -> networking.start(c));
    assertTrue(driver.joined.isEmpty());
    assertTrue(driver.endpoints.isEmpty());
  }

  @Test
  void connectDisconnect_runningContainer_hotPlugsTheNextInterface() throws Exception {
    NetworkRecord n = networks.create(bridge("my_bridge", "10.88.0.0/24", null));
    ContainerHandle web = container("web", "{}");
    run(web);
    EndpointRecord e = networking.connect(web, true, n,
        new EndpointRequest(n.id(), Optional.of("10.88.0.50"), List.of("w")));
    assertEquals("eth1", e.interfaceName());
    assertEquals("eth1", driver.joined.get(e.id()));
    assertEquals("endpoint with name web already exists in network my_bridge", assertThrows(
        ForbiddenException.class, () -> networking.connect(web, true, n, new EndpointRequest(n.id(), null, null)))
        .getMessage());
    networking.disconnect(web.id(), "web", true, n);
    assertTrue(driver.joined.keySet().stream().noneMatch(id -> id.equals(e.id())));
    assertTrue(store.endpoint(web.id(), n.id()).isEmpty());
    assertEquals("container web is not connected to network my_bridge", assertThrows(NotFoundException.class,
        () -> networking.disconnect(web.id(), "web", true, n)).getMessage());
  }

  @Test
  void connect_runningContainer_joinFailsWhileRecordIsWritten_leavesNothing() throws Exception {
    NetworkRecord n = networks.create(bridge("my_bridge", "10.88.0.0/24", null));
    ContainerHandle web = container("web", "{}");
    run(web);
    driver.failNext("join");
    List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    assertThrows(InternalException.class, () -> state.transact(() -> networking.connect(web, true, n,
        new EndpointRequest(n.id(), Optional.of("10.88.0.50"), List.of()), e -> recorded.add("record"))));
    assertEquals(List.of("record"), recorded);
    assertTrue(store.endpoint(web.id(), n.id()).isEmpty());
    assertEquals(1, driver.joined.size()); // eth0 on the default bridge only
    // The address was not kept: the same static address is free for the next connect.
    EndpointRecord e = networking.connect(web, true, n,
        new EndpointRequest(n.id(), Optional.of("10.88.0.50"), List.of()));
    assertEquals("10.88.0.50/24", e.ipv4Address());
  }

  @Test
  void connect_runningContainer_recordFailsWhileInterfaceIsMade_unplugsIt() throws Exception {
    NetworkRecord n = networks.create(bridge("my_bridge", "10.88.0.0/24", null));
    ContainerHandle web = container("web", "{}");
    run(web);
    InternalException e = assertThrows(InternalException.class, () -> state.transact(() -> networking.connect(
        web, true, n, new EndpointRequest(n.id(), Optional.empty(), List.of()), endpoint -> {
          throw new InternalException("cannot write the container");
        })));
    assertEquals("cannot write the container", e.getMessage());
    assertTrue(store.endpoint(web.id(), n.id()).isEmpty());
    assertEquals(1, driver.joined.size());
    assertEquals(1, driver.endpoints.size());
  }

  @Test
  void disconnect_runningContainer_recordFails_keepsEndpointAndLease() throws Exception {
    NetworkRecord n = networks.create(bridge("my_bridge", "10.88.0.0/24", null));
    ContainerHandle web = container("web", "{}");
    run(web);
    networking.connect(web, true, n, new EndpointRequest(n.id(), Optional.of("10.88.0.50"), List.of()));
    assertThrows(InternalException.class, () -> state.transact(() -> {
      networking.disconnect(web.id(), "web", true, n, e -> {
        throw new InternalException("cannot write the container");
      });
      return null;
    }));
    assertTrue(store.endpoint(web.id(), n.id()).isPresent());
    ContainerHandle other = container("other", "{}");
    run(other);
    assertEquals("Address already in use: 10.88.0.50", assertThrows(ForbiddenException.class,
        () -> networking.connect(other, true, n, new EndpointRequest(n.id(), Optional.of("10.88.0.50"),
            List.of()))).getMessage());
  }

  @Test
  void reconcile_afterCrash_releasesGoneContainersAndStoppedPortsKeepsRunningOnes() throws Exception {
    NetworkRecord n = networks.create(bridge("my_bridge", "10.89.0.0/24", null));
    ContainerHandle alive = container("alive", "{\"HostConfig\":{\"NetworkMode\":\"my_bridge\",\"PortBindings\":"
        + "{\"80/tcp\":[{\"HostPort\":\"28473\"}]}}}");
    ContainerHandle removed = container("removed", "{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"}}");
    ContainerHandle died = container("died", "{\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":"
        + "\"28474\"}]}}}");
    run(alive);
    run(removed);
    run(died);
    NetworkReconciler reconciler = new NetworkReconciler(store, driver, networking);
    reconciler.reconcile(java.util.Set.of(alive.id(), died.id()), java.util.Set.of(alive.id()));

    assertTrue(store.endpointsOfContainer(removed.id()).isEmpty());
    assertEquals(1, store.endpointsOfContainer(died.id()).size(), "a stopped container keeps its lease");
    assertEquals(List.of(28473), store.reservations().stream().map(PortReservation::hostPort).toList());
    assertEquals(java.util.Set.of(n.id(), networks.find("bridge").id()), driver.reconciledNetworks);
    assertEquals(java.util.Set.of(store.endpoint(alive.id(), n.id()).orElseThrow().id()),
        driver.reconciledEndpoints);
    // the removed container's address is free again
    ContainerHandle reuse = container("reuse", "{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"},"
        + "\"NetworkingConfig\":{\"EndpointsConfig\":{\"my_bridge\":"
        + "{\"IPAMConfig\":{\"IPv4Address\":\"10.89.0.3\"}}}}}");
    run(reuse);
  }
}
