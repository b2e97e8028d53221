package org.enginelite.kernel.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jnr.constants.platform.Errno;
import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.IpAddresses;
import org.enginelite.driver.network.MacAddress;
import org.enginelite.kernel.KernelException;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every test acts in a fresh "host" namespace and a fresh "container" namespace of its own. */
@Privileged
class RtnetlinkTest {
  @TempDir Path dir;
  private NetNs host;
  private NetNs container;
  private Rtnetlink rt;

  @BeforeEach
  void namespaces() {
    host = NetNs.create(dir.resolve("elhost"));
    container = NetNs.create(dir.resolve("elctr"));
    rt = Rtnetlink.openIn(host);
  }

  @AfterEach
  void cleanup() {
    if (rt != null) {
      rt.close();
    }
    if (container != null) {
      container.delete();
    }
    if (host != null) {
      host.delete();
    }
  }

  /** `ip` run inside a namespace, to check results with a tool other than the code under test. */
  private static String ip(NetNs ns, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("nsenter", "--net=" + ns.path(), "ip"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  @Test
  void createBridge_twice_ensuresOneUpBridge() throws Exception {
    Link first = rt.links().createBridge(IfName.of("elbr-t1"), 1400);
    Link second = rt.links().createBridge(IfName.of("elbr-t1"), 1400);
    assertEquals(first.index(), second.index());
    assertTrue(second.isBridge());
    assertTrue(second.up());
    assertEquals(1400, second.mtu());
    String shown = ip(host, "-d", "link", "show", "elbr-t1");
    assertTrue(shown.contains("mtu 1400") && shown.contains("bridge"), shown);
  }

  @Test
  void createBridge_nameTakenByVeth_fails() {
    rt.links().createVeth(new VethPair(IfName.of("elvx"), IfName.of("elvy"), 1500, 0, null, -1));
    KernelException e = assertThrows(KernelException.class, () -> rt.links().createBridge(IfName.of("elvx"), 1500));
    assertTrue(e.is(Errno.EEXIST), e.getMessage());
  }

  @Test
  void createVeth_peerInOtherNamespace_arrivesNamedWithMac() throws Exception {
    Link bridge = rt.links().createBridge(IfName.of("elbr-t2"), 1500);
    MacAddress mac = MacAddress.parse("02:42:0a:00:00:02");
    Link hostEnd;
    try (NetNs.NsFd fd = container.openFd()) {
      hostEnd = rt.links().createVeth(
          new VethPair(IfName.of("elvabc"), IfName.of("eth0"), 1450, bridge.index(), mac, fd.fd()));
    }
    assertEquals(bridge.index(), hostEnd.masterIndex());
    assertTrue(hostEnd.up());
    assertTrue(rt.links().get("eth0").isEmpty(), "peer must not appear on the host");
    try (Rtnetlink inside = Rtnetlink.openIn(container)) {
      Link eth0 = inside.links().require("eth0");
      assertEquals(mac, eth0.mac());
      assertEquals(1450, eth0.mtu());
      inside.links().setUp(eth0.index(), true);
      inside.addresses().add(eth0.index(), Cidr.parse("10.0.0.2/24"));
      inside.addresses().add(eth0.index(), Cidr.parse("10.0.0.2/24")); // ensure
      inside.routes().addDefault(IpAddresses.parse("10.0.0.1"), eth0.index());
      inside.routes().addDefault(IpAddresses.parse("10.0.0.1"), eth0.index()); // ensure
      assertEquals(List.of(Cidr.parse("10.0.0.2/24")),
          inside.addresses().list(eth0.index()).stream().filter(Cidr::isIpv4).toList());
      assertTrue(inside.routes().list().stream().anyMatch(r -> r.isDefault()
          && r.gateway().equals(IpAddresses.parse("10.0.0.1"))));
    }
    String routes = ip(container, "route");
    assertTrue(routes.contains("default via 10.0.0.1 dev eth0"), routes);
    String addr = ip(container, "addr", "show", "eth0");
    assertTrue(addr.contains("inet 10.0.0.2/24 brd 10.0.0.255"), addr);
  }

  @Test
  void delete_hostEnd_removesPeerAndRepeatsQuietly() throws Exception {
    try (NetNs.NsFd fd = container.openFd()) {
      rt.links().createVeth(new VethPair(IfName.of("elvdel"), IfName.of("eth1"), 1500, 0, null, fd.fd()));
    }
    assertTrue(rt.links().delete("elvdel"));
    assertFalse(rt.links().delete("elvdel"));
    assertFalse(ip(container, "link").contains("eth1"));
  }

  @Test
  void remove_returnsWithLinkPeerAndSysfsEntryGone() throws Exception {
    Link bridge = rt.links().createBridge(IfName.of("elbr-rm"), 1500);
    Link hostEnd;
    try (NetNs.NsFd fd = container.openFd()) {
      hostEnd = rt.links().createVeth(
          new VethPair(IfName.of("elvrm"), IfName.of("eth1"), 1500, bridge.index(), null, fd.fd()));
    }
    assertTrue(rt.links().remove("elvrm"));
    assertFalse(ip(container, "link").contains("eth1"));
    assertFalse(ip(host, "link").contains("elvrm"));
    assertTrue(ip(host, "link", "show", "master", "elbr-rm").isBlank());
    assertFalse(host.run(() -> Files.exists(Path.of("/sys/class/net/elvrm"))));
    assertFalse(rt.links().remove(hostEnd.index()));
    assertFalse(rt.links().remove("elvrm"));

    // The channel used by the first removal is used again; the name can be taken again at once.
    assertTrue(rt.links().remove(bridge.index()));
    assertFalse(ip(host, "link").contains("elbr-rm"));
    assertTrue(rt.links().get("elbr-rm").isEmpty());
    assertTrue(rt.links().createBridge(IfName.of("elbr-rm"), 1500).isBridge());
  }

  @Test
  void remove_concurrently_eachReturnsOnceItsLinkIsGone() throws Exception {
    List<Link> bridges = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      bridges.add(rt.links().createBridge(IfName.of("elbr-c" + i), 1500));
    }
    List<java.util.concurrent.CompletableFuture<Boolean>> removals = bridges.stream()
        .map(b -> java.util.concurrent.CompletableFuture.supplyAsync(() -> rt.links().remove(b.index())))
        .toList();
    for (var r : removals) {
      assertTrue(r.get(30, java.util.concurrent.TimeUnit.SECONDS));
    }
    assertFalse(ip(host, "link").contains("elbr-c"));
  }

  @Test
  void moveToNetns_withNewName_andRenameAndMaster() throws Exception {
    Link bridge = rt.links().createBridge(IfName.of("elbr-t3"), 1500);
    Link a = rt.links().createVeth(new VethPair(IfName.of("elva"), IfName.of("elvb"), 1500, 0, null, -1));
    rt.links().setMaster(a.index(), bridge.index());
    assertEquals(bridge.index(), rt.links().require("elva").masterIndex());
    rt.links().setAlias(a.index(), "el:test");
    assertEquals("el:test", rt.links().require("elva").alias());
    rt.links().rename(a.index(), IfName.of("elvc"));
    assertTrue(rt.links().get("elvc").isPresent());
    Link b = rt.links().require("elvb");
    rt.links().setMac(b.index(), MacAddress.parse("02:42:00:00:00:09"));
    try (NetNs.NsFd fd = container.openFd()) {
      rt.links().moveToNetns(b.index(), fd.fd(), IfName.of("eth5"));
    }
    assertTrue(rt.links().get("elvb").isEmpty());
    assertTrue(ip(container, "link", "show", "eth5").contains("02:42:00:00:00:09"));
    assertEquals(List.of("elbr-t3", "elvc"), rt.links().listByPrefix("el").stream().map(Link::name).sorted().toList());
    rt.links().setBridgePort(rt.links().require("elvc").index(), true, true);
    String d = ip(host, "-d", "link", "show", "elvc");
    assertTrue(d.contains("isolated on") && d.contains("hairpin on"), d);
  }

  @Test
  void addresses_deleteTwice_secondIsFalse() {
    Link br = rt.links().createBridge(IfName.of("elbr-t4"), 1500);
    Cidr gw = Cidr.parse("10.5.0.1/16");
    rt.addresses().add(br.index(), gw);
    assertTrue(rt.addresses().list(br.index()).contains(gw));
    assertTrue(rt.addresses().delete(br.index(), gw));
    assertFalse(rt.addresses().delete(br.index(), gw));
  }

  @Test
  void errors_nameTheCallObjectAndErrno() {
    KernelException e = assertThrows(KernelException.class, () -> rt.links().setMtu(9999, 1500));
    assertTrue(e.getMessage().startsWith("RTM_NEWLINK mtu #9999"), e.getMessage());
    assertTrue(e.getMessage().contains("(ENODEV)"), e.getMessage());
  }
}
