package org.enginelite.testkit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.ExternalConnectivity;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.IpAddresses;
import org.enginelite.driver.network.JoinInfo;
import org.enginelite.driver.network.JoinSpec;
import org.enginelite.driver.network.NetworkDriver;
import org.enginelite.driver.network.NetworkSpec;
import org.enginelite.driver.network.PortBinding;
import org.enginelite.driver.network.Reconciling;
import org.enginelite.testkit.Privileged;
import org.enginelite.testkit.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every network driver must do, checked against the real kernel. Each test gets a fresh "host" namespace (the
 * driver acts in it, so nothing touches the machine's own network) and fresh "container" namespaces; a "client"
 * namespace wired to the host plays a remote machine. A driver module subclasses this and says how to build its
 * driver for a host namespace (netty's testsuite pattern).
 */
@Privileged
public abstract class AbstractNetworkDriverContractTest {
  /** The host's address towards the client namespace, and the client's. */
  protected static final String HOST_IP = "198.18.0.1";
  protected static final String CLIENT_IP = "198.18.0.2";

  @TempDir protected Path tmp;
  protected TestNetns host;
  protected NetworkDriver driver;
  private final List<TestNetns> namespaces = new ArrayList<>();
  private final List<NetworkDriver> drivers = new ArrayList<>();

  /** A new driver acting in {@code host}; several may be made for one host (a restart). */
  protected abstract NetworkDriver newDriver(TestNetns host) throws Exception;

  /** Releases what a driver holds (its sockets, its namespace handles); kernel objects stay. */
  protected abstract void closeDriver(NetworkDriver driver) throws Exception;

  @BeforeEach
  void setUpHost() throws Exception {
    host = track(TestNetns.create("h"));
    host.execOk("ip", "link", "set", "lo", "up");
    driver = driver();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (NetworkDriver d : drivers) {
      closeDriver(d);
    }
    for (TestNetns ns : namespaces) {
      ns.close();
    }
  }

  protected NetworkDriver driver() throws Exception {
    NetworkDriver d = newDriver(host);
    drivers.add(d);
    return d;
  }

  protected TestNetns track(TestNetns ns) {
    namespaces.add(ns);
    return ns;
  }

  protected static String newId() {
    byte[] b = new byte[32];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  protected static NetworkSpec network(String subnet, boolean internal, Map<String, String> options) {
    Cidr s = Cidr.parse(subnet);
    byte[] gw = s.networkAddress().getAddress();
    gw[gw.length - 1] |= 1;
    return NetworkSpec.of(newId(), "net" + subnet.hashCode(), s, IpAddresses.parse(
        (gw[0] & 255) + "." + (gw[1] & 255) + "." + (gw[2] & 255) + "." + (gw[3] & 255)), internal, options);
  }

  protected static NetworkSpec network(String subnet) {
    return network(subnet, false, Map.of());
  }

  protected static EndpointSpec endpoint(NetworkSpec net, String ip) {
    return EndpointSpec.of(newId(), net.id(), Cidr.of(IpAddresses.parse(ip), net.subnet().prefixLength()));
  }

  /** A container namespace joined to {@code net} at {@code ip} as eth{index}. */
  protected EndpointSpec attach(TestNetns container, NetworkSpec net, String ip, int index) {
    EndpointSpec ep = endpoint(net, ip);
    driver.createEndpoint(ep);
    driver.join(new JoinSpec(ep, container.path(), IfName.eth(index), index == 0));
    return ep;
  }

  protected TestNetns container() {
    return track(TestNetns.create("c"));
  }

  /** A namespace wired to the host by a veth pair, with no route beyond the link: a remote machine. */
  protected TestNetns client() {
    TestNetns client = track(TestNetns.create("r"));
    host.execOk("ip", "link", "add", "tclient0", "type", "veth", "peer", "name", "eth0", "netns", client.name());
    host.execOk("ip", "addr", "add", HOST_IP + "/24", "dev", "tclient0");
    host.execOk("ip", "link", "set", "tclient0", "up");
    client.execOk("ip", "addr", "add", CLIENT_IP + "/24", "dev", "eth0");
    client.execOk("ip", "link", "set", "eth0", "up");
    client.execOk("ip", "link", "set", "lo", "up");
    return client;
  }

  /** Starts busybox httpd on port 80 in {@code ns} serving a page with {@code body}; waits until it answers. */
  protected void serveHttp(TestNetns ns, String body) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(tmp, "www");
    Files.writeString(dir.resolve("index.html"), body);
    ns.spawn("busybox", "httpd", "-f", "-p", "80", "-h", dir.toString());
    for (int i = 0; i < 50; i++) {
      if (fetch(ns, "127.0.0.1", 80).contains(body)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("httpd did not come up in " + ns);
  }

  protected static String fetch(TestNetns from, String ip, int port) {
    return from.exec("curl", "-s", "-m", "3", "http://" + ip + ":" + port + "/").output();
  }

  /** Links of the host namespace other than lo and the test's own client link. */
  protected List<String> hostLinks() {
    List<String> out = new ArrayList<>();
    for (String line : host.execOk("ip", "-o", "link", "show").split("\n")) {
      String[] f = line.split(":\\s+");
      if (f.length > 1) {
        String name = f[1].split("@")[0].trim();
        if (!name.equals("lo") && !name.equals("tclient0")) {
          out.add(name);
        }
      }
    }
    return out;
  }

  @Test
  void createNetwork_twice_isIdempotentAndDeleteTwiceIsQuiet() {
    NetworkSpec net = network("10.31.0.0/24");
    driver.createNetwork(net);
    driver.createNetwork(net);
    assertFalse(hostLinks().isEmpty());
    driver.deleteNetwork(net.id());
    driver.deleteNetwork(net.id());
    assertEquals(List.of(), hostLinks());
  }

  @Test
  void join_twoContainersOnOneNetwork_reachEachOtherAndTheGateway() {
    NetworkSpec net = network("10.32.0.0/24");
    driver.createNetwork(net);
    TestNetns a = container();
    TestNetns b = container();
    attach(a, net, "10.32.0.2", 0);
    attach(b, net, "10.32.0.3", 0);
    assertTrue(a.canPing("10.32.0.3"), "a -> b");
    assertTrue(b.canPing("10.32.0.2"), "b -> a");
    assertTrue(a.canPing("10.32.0.1"), "a -> gateway");
    assertTrue(a.canPing("127.0.0.1"), "lo must be up after join");
    String routes = a.execOk("ip", "route");
    assertTrue(routes.contains("default via 10.32.0.1 dev eth0"), routes);
    String link = a.execOk("ip", "link", "show", "eth0");
    assertTrue(link.contains("02:42:0a:20:00:02"), "Docker's MAC for 10.32.0.2: " + link);
  }

  @Test
  void join_containersOnTwoNetworks_cannotReachEachOther() {
    NetworkSpec one = network("10.33.0.0/24");
    NetworkSpec two = network("10.34.0.0/24");
    driver.createNetwork(one);
    driver.createNetwork(two);
    TestNetns a = container();
    TestNetns b = container();
    attach(a, one, "10.33.0.2", 0);
    attach(b, two, "10.34.0.2", 0);
    assertTrue(a.canPing("10.33.0.1"));
    assertTrue(b.canPing("10.34.0.1"));
    assertFalse(a.canPing("10.34.0.2"), "isolation one -> two");
    assertFalse(b.canPing("10.33.0.2"), "isolation two -> one");
  }

  @Test
  void join_secondNetwork_isEth1WithoutDefaultRoute() {
    NetworkSpec one = network("10.35.0.0/24");
    NetworkSpec two = network("10.36.0.0/24");
    driver.createNetwork(one);
    driver.createNetwork(two);
    TestNetns a = container();
    TestNetns b = container();
    attach(a, one, "10.35.0.2", 0);
    EndpointSpec second = endpoint(two, "10.36.0.2");
    driver.createEndpoint(second);
    JoinInfo info = driver.join(new JoinSpec(second, a.path(), IfName.eth(1), false));
    assertEquals(IfName.eth(1), info.interfaceName());
    assertTrue(info.defaultGateway().isEmpty());
    attach(b, two, "10.36.0.3", 0);
    assertTrue(a.canPing("10.36.0.3"), "a reaches b over eth1");
    String routes = a.execOk("ip", "route");
    assertTrue(routes.contains("default via 10.35.0.1 dev eth0"), routes);
    assertFalse(routes.contains("default via 10.36.0.1"), routes);
  }

  @Test
  void leave_removesTheInterface_andTheEndpointCanJoinAgain() {
    NetworkSpec net = network("10.37.0.0/24");
    driver.createNetwork(net);
    TestNetns a = container();
    EndpointSpec ep = attach(a, net, "10.37.0.2", 0);
    driver.leave(net.id(), ep.id());
    driver.leave(net.id(), ep.id());
    assertFalse(a.execOk("ip", "link").contains("eth0"));
    driver.join(new JoinSpec(ep, a.path(), IfName.eth(0), true));
    assertTrue(a.canPing("10.37.0.1"));
    driver.deleteEndpoint(net.id(), ep.id());
    driver.deleteEndpoint(net.id(), ep.id());
    assertFalse(a.execOk("ip", "link").contains("eth0"));
  }

  @Test
  void leaveRunning_freesTheNameAndAddressAtOnce_andNothingStaysOnceTheNetworkIsGone() {
    NetworkSpec net = network("10.45.0.0/24");
    driver.createNetwork(net);
    TestNetns a = container();
    TestNetns b = container();
    attach(b, net, "10.45.0.3", 0);
    EndpointSpec first = attach(a, net, "10.45.0.2", 0);
    driver.leaveRunning(net.id(), first.id());
    driver.deleteEndpoint(net.id(), first.id());
    assertFalse(a.execOk("ip", "-o", "link").contains("eth0"));
    String addresses = a.execOk("ip", "-o", "addr");
    assertFalse(addresses.contains("10.45.0.2"), addresses);
    assertFalse(a.execOk("ip", "route").contains("10.45.0."), "no route left");

    EndpointSpec again = attach(a, net, "10.45.0.2", 0); // a new endpoint: same name, address and MAC
    assertTrue(b.canPing("10.45.0.2"), "the new interface answers at once");
    driver.leaveRunning(net.id(), again.id());
    driver.deleteEndpoint(net.id(), again.id());
    driver.deleteNetwork(net.id());
    assertEquals(List.of(), hostLinks());
  }

  @Test
  void badInput_isRefusedWithTheRightKind() {
    NetworkSpec net = network("10.38.0.0/24");
    assertThrows(NotFoundException.class, () -> driver.createEndpoint(endpoint(net, "10.38.0.2")));
    driver.createNetwork(net);
    EndpointSpec outside = EndpointSpec.of(newId(), net.id(), Cidr.parse("10.39.0.2/24"));
    assertThrows(InvalidParameterException.class, () -> driver.createEndpoint(outside));
  }

  @Test
  void deleteEverything_leavesNothingOnTheHost() {
    NetworkSpec net = network("10.40.0.0/24");
    driver.createNetwork(net);
    TestNetns a = container();
    EndpointSpec ep = attach(a, net, "10.40.0.2", 0);
    driver.deleteEndpoint(net.id(), ep.id());
    driver.deleteNetwork(net.id());
    assertEquals(List.of(), hostLinks());
    assertFalse(a.execOk("ip", "link").contains("eth0"));
  }

  @Test
  void publishedPort_answersRemoteClientsAndTheHostsLoopback() throws Exception {
    assumeTrue(driver instanceof ExternalConnectivity, "driver does not publish ports");
    ExternalConnectivity ext = (ExternalConnectivity) driver;
    NetworkSpec net = network("10.41.0.0/24");
    driver.createNetwork(net);
    TestNetns web = container();
    TestNetns remote = client();
    EndpointSpec ep = attach(web, net, "10.41.0.2", 0);
    serveHttp(web, "page-from-web");
    List<PortBinding> held = ext.programExternalConnectivity(ep, List.of(PortBinding.tcp(8080, 80)));
    assertEquals(List.of(PortBinding.tcp(8080, 80)), held);

    assertTrue(fetch(remote, HOST_IP, 8080).contains("page-from-web"), "from a remote client");
    assertTrue(fetch(host, "127.0.0.1", 8080).contains("page-from-web"), "from the host's loopback");
    assertTrue(fetch(host, HOST_IP, 8080).contains("page-from-web"), "from the host to its own address");
    assertTrue(web.canPing(CLIENT_IP), "outbound traffic is masqueraded");

    ext.revokeExternalConnectivity(net.id(), ep.id());
    assertFalse(fetch(remote, HOST_IP, 8080).contains("page-from-web"), "unpublished");
  }

  @Test
  void publishedPort_isHeld_andATakenPortIsRefusedWithDockersMessage() throws Exception {
    assumeTrue(driver instanceof ExternalConnectivity, "driver does not publish ports");
    ExternalConnectivity ext = (ExternalConnectivity) driver;
    NetworkSpec net = network("10.42.0.0/24");
    driver.createNetwork(net);
    EndpointSpec a = attach(container(), net, "10.42.0.2", 0);
    EndpointSpec b = attach(container(), net, "10.42.0.3", 0);
    ext.programExternalConnectivity(a, List.of(PortBinding.tcp(8080, 80), PortBinding.udp(8080, 53)));

    assertTrue(cannotListen(8080), "another program cannot take a published port");
    ConflictException e = assertThrows(ConflictException.class,
        () -> ext.programExternalConnectivity(b, List.of(PortBinding.tcp(8081, 80), PortBinding.tcp(8080, 80))));
    assertEquals("Bind for 0.0.0.0:8080 failed: port is already allocated", e.getMessage());
    assertFalse(cannotListen(8081), "a failed publication holds nothing");

    List<PortBinding> chosen = ext.programExternalConnectivity(b, List.of(PortBinding.tcp(0, 80)));
    assertTrue(chosen.get(0).hostPort() > 0, "the host chose a port: " + chosen);

    ext.revokeExternalConnectivity(net.id(), a.id());
    assertFalse(cannotListen(8080), "revoking releases the port");
  }

  /** True when a program in the host namespace fails to listen on {@code port}. */
  private boolean cannotListen(int port) {
    TestNetns.Result r = host.exec("timeout", "1", "busybox", "nc", "-l", "-p", Integer.toString(port));
    return r.exitCode() != 124 && r.output().toLowerCase().contains("in use");
  }

  @Test
  void reconcile_afterRestart_removesWhatTheEngineForgotAndKeepsTheRest() throws Exception {
    assumeTrue(driver instanceof Reconciling, "driver does not reconcile");
    NetworkSpec keep = network("10.43.0.0/24");
    NetworkSpec drop = network("10.44.0.0/24");
    driver.createNetwork(keep);
    driver.createNetwork(drop);
    TestNetns a = container();
    TestNetns b = container();
    TestNetns c = container();
    EndpointSpec kept = attach(a, keep, "10.43.0.2", 0);
    attach(b, keep, "10.43.0.3", 0);
    attach(c, drop, "10.44.0.2", 0);
    int before = hostLinks().size();

    NetworkDriver restarted = driver();
    restarted.createNetwork(keep);
    ((Reconciling) restarted).reconcile(Set.of(keep.id()), Set.of(kept.id()));

    assertEquals(before - 3, hostLinks().size(), "a bridge and two veths removed: " + hostLinks());
    assertTrue(a.canPing("10.43.0.1"), "the kept endpoint still works");
    assertFalse(b.execOk("ip", "link").contains("eth0"), "the forgotten endpoint is gone");
    assertFalse(c.execOk("ip", "link").contains("eth0"), "the forgotten network's endpoint is gone");
  }
}
