package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enginelite.ipam.DefaultAddressPools;
import org.enginelite.ipam.DefaultIpamDriver;
import org.enginelite.ipam.HostNetworks;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.net.bridge.BridgeNetworkDriver;
import org.enginelite.net.bridge.HostNamespace;
import org.enginelite.state.SqliteStateStore;
import org.enginelite.testkit.Privileged;
import org.enginelite.testkit.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's container networking on the real bridge driver and kernel: a test namespace plays the host and
 * one namespace per container plays its sandbox, so nothing touches the machine's own links or rules.
 */
@Privileged
class ContainerNetworkingKernelTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final List<TestNetns> namespaces = new ArrayList<>();
  private TestNetns host;
  private HostNamespace hostNs;
  private BridgeNetworkDriver driver;
  private SqliteStateStore state;
  private NetworkService networks;
  private ContainerNetworking networking;
  private int seq;

  @BeforeEach
  void setUp() {
    host = TestNetns.create("h");
    host.execOk("ip", "link", "set", "lo", "up");
    hostNs = HostNamespace.of(NetNs.open(host.path()));
    driver = new BridgeNetworkDriver(hostNs);
    state = SqliteStateStore.open(dir.resolve("state"));
    DefaultIpamDriver ipam = new DefaultIpamDriver(state, DefaultAddressPools.docker(), HostNetworks.none());
    networks = new NetworkService(new NetworkStore(state), ipam, driver);
    networking = new ContainerNetworking(networks, ipam, driver);
    networks.ensurePredefined();
    assertEquals(List.of(), networks.restoreKernelObjects());
  }

  @AfterEach
  void tearDown() {
    for (TestNetns ns : namespaces) {
      ns.close();
    }
    driver.close();
    hostNs.close();
    host.close();
    state.close();
  }

  private ContainerHandle run(String name, String request) throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(request);
    ObjectNode hc = r.has("HostConfig") ? (ObjectNode) r.get("HostConfig") : JSON.createObjectNode();
    ObjectNode nc = r.has("NetworkingConfig") ? (ObjectNode) r.get("NetworkingConfig") : JSON.createObjectNode();
    TestNetns sandbox = TestNetns.create("c");
    namespaces.add(sandbox);
    ContainerHandle c = new ContainerHandle(String.format("%064x", ++seq), name,
        ContainerNetworkConfig.parse(r, hc, nc), sandbox.path());
    networking.validate(c);
    state.transact(() -> networking.create(c));
    networking.start(c);
    return c;
  }

  private TestNetns sandbox(ContainerHandle c) {
    return namespaces.stream().filter(ns -> ns.path().equals(c.netns())).findFirst().orElseThrow();
  }

  private String ip(ContainerHandle c, String network) {
    NetworkRecord n = networks.find(network);
    return networks.store().endpoint(c.id(), n.id()).orElseThrow().ip();
  }

  private static NetworkCreateRequest bridge(String name, String subnet) {
    return new NetworkCreateRequest(name, "bridge", false, false, Map.of(), Map.of(),
        List.of(new SubnetRequest(subnet, null, null, Map.of())));
  }

  @Test
  void isolationConnectDisconnect_thenRemovalLeavesNothingInTheHost() throws Exception {
    networks.create(bridge("my_bridge", "10.201.0.0/24"));
    ContainerHandle db = run("db", "{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"}}");
    ContainerHandle web = run("web", "{}");
    assertFalse(sandbox(db).canPing(ip(web, "bridge")), "db must not reach web across networks");

    networking.connect(web, true, networks.find("my_bridge"),
        new EndpointRequest("my_bridge", Optional.of("10.201.0.77"), List.of()));
    assertTrue(sandbox(web).execOk("ip", "-o", "-4", "addr", "show", "dev", "eth1").contains("10.201.0.77/24"));
    assertTrue(sandbox(db).canPing("10.201.0.77"), "after connect db reaches web on my_bridge");
    assertTrue(sandbox(web).execOk("ip", "route").contains("default via " + networks.find("bridge")
        .primarySubnet().gateway() + " dev eth0"), "the default route stays on the first network");

    networking.disconnect(web.id(), "web", true, networks.find("my_bridge"));
    assertFalse(sandbox(web).execOk("ip", "-o", "link").contains("eth1"));
    assertFalse(sandbox(db).canPing("10.201.0.77"));

    for (ContainerHandle c : List.of(db, web)) {
      networking.stopped(c.id());
      networking.remove(c.id());
    }
    networks.remove("my_bridge");
    driver.deleteNetwork(networks.find("bridge").id());
    String links = host.execOk("ip", "-o", "link");
    assertFalse(links.contains(": el"), links);
    String rules = host.execOk("iptables-save");
    assertTrue(rules.lines().noneMatch(l -> l.contains("EL-")), rules);
  }

  @Test
  void internalNetwork_noDefaultRoute_andStaticIp() throws Exception {
    networks.create(new NetworkCreateRequest("inner", "bridge", true, false, Map.of(), Map.of(),
        List.of(new SubnetRequest("10.203.0.0/24", null, null, Map.of()))));
    ContainerHandle a = run("a", "{\"HostConfig\":{\"NetworkMode\":\"inner\"},\"NetworkingConfig\":"
        + "{\"EndpointsConfig\":{\"inner\":{\"IPAMConfig\":{\"IPv4Address\":\"10.203.0.200\"}}}}}");
    ContainerHandle b = run("b", "{\"HostConfig\":{\"NetworkMode\":\"inner\"}}");
    assertEquals("10.203.0.200", ip(a, "inner"));
    assertFalse(sandbox(a).execOk("ip", "route").contains("default"));
    assertTrue(sandbox(b).canPing("10.203.0.200"));
  }

  @Test
  void publishedPort_answersOnTheHostsLoopbackAndItsOtherAddresses() throws Exception {
    networks.create(bridge("pub", "10.204.0.0/24"));
    ContainerHandle web = run("web", "{\"HostConfig\":{\"NetworkMode\":\"pub\",\"PortBindings\":"
        + "{\"80/tcp\":[{\"HostPort\":\"28480\"}]}}}");
    Path www = Files.createDirectories(dir.resolve("www"));
    Files.writeString(www.resolve("index.html"), "hello from web\n");
    sandbox(web).spawn("busybox", "httpd", "-f", "-p", "80", "-h", www.toString());
    String gateway = networks.find("pub").primarySubnet().gateway();
    String direct = fetch(host, ip(web, "pub") + ":80");
    assertTrue(direct.contains("hello from web"), direct);
    String loopback = fetch(host, "127.0.0.1:28480");
    assertTrue(loopback.contains("hello from web"), loopback + "\n" + host.execOk("iptables-save"));
    String other = fetch(host, gateway + ":28480");
    assertTrue(other.contains("hello from web"), other);
    assertEquals(List.of(28480), networks.store().reservationsOfContainer(web.id()).stream()
        .map(PortReservation::hostPort).toList());
    networking.stopped(web.id());
    assertTrue(networks.store().reservations().isEmpty());
  }

  /** curl with retries: the server in the sandbox needs a moment to listen. */
  private static String fetch(TestNetns from, String hostPort) throws InterruptedException {
    String last = "";
    for (int i = 0; i < 30; i++) {
      TestNetns.Result r = from.exec("curl", "-sS", "-m", "2", "http://" + hostPort + "/");
      if (r.exitCode() == 0) {
        return r.output();
      }
      last = r.output();
      Thread.sleep(100);
    }
    return last;
  }
}
