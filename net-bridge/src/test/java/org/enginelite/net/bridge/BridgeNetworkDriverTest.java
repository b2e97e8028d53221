package org.enginelite.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.network.BridgeOptions;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.NetworkDriver;
import org.enginelite.driver.network.NetworkSpec;
import org.enginelite.driver.network.PortBinding;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.testkit.TestNetns;
import org.enginelite.testkit.network.AbstractNetworkDriverContractTest;
import org.junit.jupiter.api.Test;

class BridgeNetworkDriverTest extends AbstractNetworkDriverContractTest {
  private final Map<NetworkDriver, HostNamespace> hosts = new IdentityHashMap<>();

  @Override
  protected NetworkDriver newDriver(TestNetns host) {
    HostNamespace ns = HostNamespace.of(NetNs.open(host.path()));
    BridgeNetworkDriver d = new BridgeNetworkDriver(ns);
    hosts.put(d, ns);
    return d;
  }

  @Override
  protected void closeDriver(NetworkDriver driver) {
    ((BridgeNetworkDriver) driver).close();
    hosts.remove(driver).close();
  }

  /** The ruleset without iptables-save's comment lines (they carry the time). */
  private String iptablesSave() {
    return host.execOk("iptables-save").lines().filter(l -> !l.startsWith("#"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  @Test
  void createNetwork_namesBridgeAfterIdOrOption_withMtu() {
    NetworkSpec plain = network("10.50.0.0/24");
    NetworkSpec named = network("10.51.0.0/24", false,
        Map.of(BridgeOptions.BRIDGE_NAME, BridgeNames.DEFAULT_BRIDGE, BridgeOptions.MTU, "1400"));
    driver.createNetwork(plain);
    driver.createNetwork(named);
    String bridge = "elbr-" + plain.id().substring(0, 10);
    assertTrue(host.execOk("ip", "-d", "link", "show", bridge).contains("bridge"));
    String el0 = host.execOk("ip", "-d", "addr", "show", "el0");
    assertTrue(el0.contains("mtu 1400") && el0.contains("inet 10.51.0.1/24") && el0.contains("alias el:net:"), el0);
    assertTrue(el0.contains("link/ether 02:42:0a:33:00:01"), "fixed MAC from the gateway: " + el0);
  }

  @Test
  void createNetwork_anotherManagerInsertedRulesFirst_ourForwardJumpMovesBackToTheTop() {
    driver.createNetwork(network("10.64.0.0/24"));
    host.execOk("iptables", "-I", "FORWARD", "1", "-j", "ACCEPT");
    driver.createNetwork(network("10.65.0.0/24"));
    String first = host.execOk("iptables", "-S", "FORWARD").lines().filter(l -> l.startsWith("-A")).findFirst()
        .orElseThrow();
    assertTrue(first.endsWith("-j EL-FORWARD"), first);
    assertEquals(1, host.execOk("iptables", "-S", "FORWARD").lines().filter(l -> l.contains("EL-FORWARD")).count());
  }

  @Test
  void publish_onAnAddressTheHostLacks_isInvalidParameterAndHoldsNothing() {
    NetworkSpec net = network("10.67.0.0/24");
    driver.createNetwork(net);
    EndpointSpec ep = attach(container(), net, "10.67.0.2", 0);
    var e = assertThrows(org.enginelite.driver.InvalidParameterException.class,
        () -> ((BridgeNetworkDriver) driver).programExternalConnectivity(ep, List.of(PortBinding.tcp(8090, 80),
            new PortBinding(PortBinding.Protocol.TCP, org.enginelite.driver.network.IpAddresses.parse("192.0.2.77"),
                8091, 80))));
    assertTrue(e.getMessage().startsWith("Bind for 192.0.2.77:8091 failed: "), e.getMessage());
    assertFalse(iptablesSave().contains("--dport 8090"));
  }

  @Test
  void revoke_afterSomeoneElseChangedTheRules_retriesAgainstTheRealRuleset() {
    NetworkSpec net = network("10.68.0.0/24");
    driver.createNetwork(net);
    EndpointSpec ep = attach(container(), net, "10.68.0.2", 0);
    BridgeNetworkDriver d = (BridgeNetworkDriver) driver;
    d.programExternalConnectivity(ep, List.of(PortBinding.tcp(8095, 80)));
    host.execOk("iptables", "-t", "nat", "-F", "EL-DNAT");
    d.revokeExternalConnectivity(net.id(), ep.id());
    d.programExternalConnectivity(ep, List.of(PortBinding.tcp(8096, 80)));
    String save = iptablesSave();
    assertTrue(save.contains("--dport 8096") && !save.contains("--dport 8095"), save);
  }

  @Test
  void publishedUdpPort_answersARemoteClient() throws Exception {
    NetworkSpec net = network("10.66.0.0/24");
    driver.createNetwork(net);
    TestNetns dns = container();
    TestNetns remote = client();
    EndpointSpec ep = attach(dns, net, "10.66.0.2", 0);
    ((BridgeNetworkDriver) driver).programExternalConnectivity(ep, List.of(PortBinding.udp(5353, 53)));
    // Sockets stay in the namespace they were opened in, whichever thread uses them afterwards.
    try (java.nio.channels.DatagramChannel server = NetNs.open(dns.path()).run(() ->
            java.nio.channels.DatagramChannel.open().bind(new java.net.InetSocketAddress(53)));
         java.nio.channels.DatagramChannel client = NetNs.open(remote.path()).run(
            java.nio.channels.DatagramChannel::open)) {
      client.send(java.nio.ByteBuffer.wrap("ping".getBytes()), new java.net.InetSocketAddress(HOST_IP, 5353));
      server.socket().setSoTimeout(3000);
      java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[64], 64);
      server.socket().receive(packet);
      assertEquals("ping", new String(packet.getData(), 0, packet.getLength()));
      server.send(java.nio.ByteBuffer.wrap("pong".getBytes()), packet.getSocketAddress());
      client.socket().setSoTimeout(3000);
      java.net.DatagramPacket reply = new java.net.DatagramPacket(new byte[64], 64);
      client.socket().receive(reply);
      assertEquals("pong", new String(reply.getData(), 0, reply.getLength()));
      assertEquals(HOST_IP, reply.getAddress().getHostAddress(), "the answer comes from the published address");
    }
  }

  @Test
  void createNetwork_bridgeNameUsedByAnotherNetwork_isConflictAndCreatesNothing() {
    NetworkSpec first = network("10.52.0.0/24", false, Map.of(BridgeOptions.BRIDGE_NAME, "elbrx"));
    NetworkSpec second = network("10.53.0.0/24", false, Map.of(BridgeOptions.BRIDGE_NAME, "elbrx"));
    driver.createNetwork(first);
    String before = iptablesSave();
    assertThrows(ConflictException.class, () -> driver.createNetwork(second));
    assertEquals(before, iptablesSave());
    host.execOk("ip", "link", "add", "elbry", "type", "veth", "peer", "name", "elbrz");
    NetworkSpec third = network("10.54.0.0/24", false, Map.of(BridgeOptions.BRIDGE_NAME, "elbry"));
    assertThrows(ConflictException.class, () -> driver.createNetwork(third));
    assertFalse(iptablesSave().contains(BridgeNames.networkTag(third.id())));
  }

  @Test
  void iccFalse_blocksContainersOnTheSameBridge_butNotTheGateway() {
    NetworkSpec net = network("10.55.0.0/24", false, Map.of(BridgeOptions.ENABLE_ICC, "false"));
    driver.createNetwork(net);
    TestNetns a = container();
    TestNetns b = container();
    attach(a, net, "10.55.0.2", 0);
    attach(b, net, "10.55.0.3", 0);
    assertTrue(a.canPing("10.55.0.1"));
    assertFalse(a.canPing("10.55.0.3"));
    // The bridge port is isolated too, so icc=false holds when br_netfilter does not pass bridged traffic to
    // iptables.
    // (Without br_netfilter loaded the file is absent and bridged traffic never reached iptables anyway.)
    host.execOk("sh", "-c", "f=/proc/sys/net/bridge/bridge-nf-call-iptables; [ ! -e $f ] || echo 0 > $f");
    assertFalse(a.canPing("10.55.0.3"));
    assertTrue(a.canPing("10.55.0.1"));
  }

  @Test
  void publishedPort_hairpin_containersOfTheNetworkReachItViaTheHost() throws Exception {
    NetworkSpec net = network("10.60.0.0/24");
    driver.createNetwork(net);
    TestNetns web = container();
    TestNetns peer = container();
    EndpointSpec ep = attach(web, net, "10.60.0.2", 0);
    attach(peer, net, "10.60.0.3", 0);
    serveHttp(web, "hairpin-page");
    ((BridgeNetworkDriver) driver).programExternalConnectivity(ep, List.of(PortBinding.tcp(8080, 80)));
    assertTrue(fetch(peer, "10.60.0.1", 8080).contains("hairpin-page"), "a peer via the host");
    assertTrue(fetch(web, "10.60.0.1", 8080).contains("hairpin-page"), "the container itself via the host");
  }

  @Test
  void reconcile_removesForgottenRulesAndKeepsKnownOnes() {
    NetworkSpec keep = network("10.61.0.0/24");
    NetworkSpec drop = network("10.62.0.0/24");
    driver.createNetwork(keep);
    driver.createNetwork(drop);
    EndpointSpec kept = attach(container(), keep, "10.61.0.2", 0);
    EndpointSpec forgotten = attach(container(), keep, "10.61.0.3", 0);
    BridgeNetworkDriver d = (BridgeNetworkDriver) driver;
    d.programExternalConnectivity(kept, List.of(PortBinding.tcp(8080, 80)));
    d.programExternalConnectivity(forgotten, List.of(PortBinding.tcp(8081, 80)));

    d.reconcile(java.util.Set.of(keep.id()), java.util.Set.of(kept.id()));

    String save = iptablesSave();
    assertTrue(save.contains(BridgeNames.networkTag(keep.id())), save);
    assertTrue(save.contains(BridgeNames.endpointTag(kept.id())), save);
    assertFalse(save.contains(BridgeNames.networkTag(drop.id())), save);
    assertFalse(save.contains(BridgeNames.endpointTag(forgotten.id())), save);
    assertFalse(save.contains("--dport 8081"), save);
  }

  @Test
  void join_staleHostVethFromACrash_isReplaced() {
    NetworkSpec net = network("10.63.0.0/24");
    driver.createNetwork(net);
    EndpointSpec ep = endpoint(net, "10.63.0.2");
    String stale = BridgeNames.hostVeth(ep.id()).value();
    host.execOk("ip", "link", "add", stale, "type", "veth", "peer", "name", "tstale");
    TestNetns a = container();
    driver.createEndpoint(ep);
    driver.join(new org.enginelite.driver.network.JoinSpec(ep, a.path(),
        org.enginelite.driver.network.IfName.eth(0), true));
    assertTrue(a.canPing("10.63.0.1"));
    assertFalse(host.execOk("ip", "link").contains("tstale"));
  }

  @Test
  void internal_hasNoDefaultRouteAndNoWayOut_evenWithARouteAdded() {
    NetworkSpec net = network("10.56.0.0/24", true, Map.of());
    driver.createNetwork(net);
    client();
    TestNetns a = container();
    TestNetns b = container();
    EndpointSpec ep = attach(a, net, "10.56.0.2", 0);
    attach(b, net, "10.56.0.3", 0);
    assertFalse(a.execOk("ip", "route").contains("default"));
    assertTrue(a.canPing("10.56.0.3"), "containers of an internal network reach each other");
    a.execOk("ip", "route", "add", "default", "via", "10.56.0.1");
    assertFalse(a.canPing(CLIENT_IP), "no way out of an internal network");
    assertEquals(List.of(), ((BridgeNetworkDriver) driver).programExternalConnectivity(ep,
        List.of(PortBinding.tcp(8080, 80))), "internal networks publish nothing");
    assertFalse(iptablesSave().contains("MASQUERADE"));
  }

  @Test
  void deleteLastNetwork_removesEveryChainAndJump() {
    NetworkSpec one = network("10.57.0.0/24");
    NetworkSpec two = network("10.58.0.0/24");
    driver.createNetwork(one);
    driver.createNetwork(two);
    EndpointSpec ep = attach(container(), one, "10.57.0.2", 0);
    ((BridgeNetworkDriver) driver).programExternalConnectivity(ep, List.of(PortBinding.tcp(8080, 80)));
    String save = iptablesSave();
    for (String chain : List.of("EL-FORWARD", "EL-ISOLATION-1", "EL-ISOLATION-2", "EL-DNAT", "EL-POSTROUTING")) {
      assertTrue(save.contains(":" + chain), chain + " in\n" + save);
    }
    driver.deleteNetwork(two.id());
    assertTrue(iptablesSave().contains("EL-"));
    driver.deleteEndpoint(one.id(), ep.id());
    driver.deleteNetwork(one.id());
    save = iptablesSave();
    assertFalse(save.contains("EL-") || save.contains("el:"), save);
    assertEquals(List.of(), hostLinks());
  }

  @Test
  void publishRange_costsOneRuleAndOneSocketPerPort_inOneTransaction() {
    NetworkSpec net = network("10.59.0.0/24");
    driver.createNetwork(net);
    EndpointSpec ep = attach(container(), net, "10.59.0.2", 0);
    var bindings = org.enginelite.driver.network.PortSpecParser.parse("50000-50200:50000-50200");
    List<PortBinding> held = ((BridgeNetworkDriver) driver).programExternalConnectivity(ep, bindings);
    assertEquals(201, held.size());
    String save = iptablesSave();
    assertEquals(201, save.lines().filter(l -> l.startsWith("-A EL-DNAT")).count());
    driver.deleteEndpoint(net.id(), ep.id());
    assertFalse(iptablesSave().contains("-A EL-DNAT"));
  }
}
