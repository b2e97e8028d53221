package org.enginelite.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.enginelite.dns.DnsTransport;
import org.enginelite.dns.EmbeddedDnsServer;
import org.enginelite.dns.NameTable;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.engine.network.EndpointRecord;
import org.enginelite.engine.network.NetworkRecord;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two "containers" (namespaces with loopback up) resolving each other through the name service. */
@Privileged
class ContainerNameServiceTest {
  private static final String WEB_ID = "aaaaaaaaaaaa" + "1".repeat(52);
  private static final String DB_ID = "bbbbbbbbbbbb" + "2".repeat(52);
  private static final NetworkRecord USER = network("u1", "my_bridge", false);
  private static final NetworkRecord DEFAULT = network("d1", "bridge", true);

  @TempDir Path dir;
  private NetNs web;
  private NetNs db;
  private DnsTransport transport;
  private ContainerNameService names;

  private static NetworkRecord network(String id, String name, boolean predefined) {
    return new NetworkRecord(id, name, NetworkRecord.BRIDGE, "", false, false, predefined, Map.of(), Map.of(),
        List.of());
  }

  private static EndpointRecord endpoint(NetworkRecord n, String containerId, String name, String ip,
      List<String> aliases) {
    return new EndpointRecord("ep-" + name + "-" + n.id(), n.id(), containerId, name, "eth0", ip + "/16",
        "02:42:ac:12:00:02", false, aliases);
  }

  @BeforeEach
  void containers() throws Exception {
    web = NetNs.create(dir.resolve("el-web"));
    db = NetNs.create(dir.resolve("el-db"));
    for (NetNs ns : List.of(web, db)) {
      run("nsenter", "--net=" + ns.path(), "ip", "link", "set", "lo", "up");
    }
    transport = DnsTransport.create(1);
    Map<String, NetworkRecord> nets = Map.of(USER.id(), USER, DEFAULT.id(), DEFAULT);
    names = new ContainerNameService(transport, null, id -> Optional.ofNullable(nets.get(id)));
  }

  @AfterEach
  void cleanUp() {
    if (names != null) {
      names.close();
    }
    if (transport != null) {
      transport.group().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    for (NetNs ns : new NetNs[] {web, db}) {
      if (ns != null) {
        ns.delete();
      }
    }
  }

  @Test
  void userDefinedNetwork_containersResolveEachOtherByNameAliasAndShortId() throws Exception {
    names.attached(endpoint(USER, WEB_ID, "web", "172.30.0.2", List.of("frontend")), web.path());
    names.attached(endpoint(USER, DB_ID, "db", "172.30.0.3", List.of()), db.path());
    assertTrue(lookup(db, "web").contains("172.30.0.2"));
    assertTrue(lookup(db, "frontend").contains("172.30.0.2"));
    assertTrue(lookup(db, "aaaaaaaaaaaa").contains("172.30.0.2"));
    assertTrue(lookup(web, "db").contains("172.30.0.3"));
    assertTrue(lookup(web, "db.my_bridge").contains("172.30.0.3"));
  }

  @Test
  void names_areNameAliasesShortIdAndEachQualifiedByNetwork() {
    assertEquals(List.of("web", "frontend", "aaaaaaaaaaaa", "web.my_bridge", "frontend.my_bridge",
        "aaaaaaaaaaaa.my_bridge"),
        List.copyOf(ContainerNameService.names(endpoint(USER, WEB_ID, "web", "172.30.0.2", List.of("frontend")),
            "my_bridge")));
  }

  @Test
  void detached_nameGoes_serverStaysUntilTheContainerStops() throws Exception {
    EndpointRecord w = endpoint(USER, WEB_ID, "web", "172.30.0.2", List.of());
    EndpointRecord d = endpoint(USER, DB_ID, "db", "172.30.0.3", List.of());
    names.attached(w, web.path());
    names.attached(d, db.path());
    names.detached(w);
    names.detached(w);
    assertFalse(lookup(db, "web").contains("172.30.0.2"));
    names.detached(d);
    assertTrue(names.serving(DB_ID), "as Docker's resolver, the server outlives the container's last network");
    String after = lookup(db, "db");
    assertTrue(after.contains("NXDOMAIN") && !after.contains("172.30.0.3"), "answers, with no names: " + after);
    names.attached(w, web.path());
    names.attached(d, db.path());
    assertTrue(lookup(db, "web").contains("172.30.0.2"), "a later connect finds the server running");
    names.containerStopped(DB_ID);
    names.containerStopped(DB_ID);
    assertFalse(names.serving(DB_ID));
  }

  @Test
  void defaultBridge_noNamesAndNoServer() throws Exception {
    names.attached(endpoint(DEFAULT, WEB_ID, "web", "172.17.0.2", List.of()), web.path());
    names.attached(endpoint(DEFAULT, DB_ID, "db", "172.17.0.3", List.of()), db.path());
    assertFalse(names.serving(DB_ID));
    assertTrue(names.table().lookup(List.of(DEFAULT.id()), "web").isEmpty());
    assertFalse(lookup(db, "web").contains("172.17.0.2"));
  }

  @Test
  void ownUpstreams_containerWithDnsFlag_forwardsThere_othersDoNot() throws Exception {
    NameTable upstreamTable = new NameTable();
    upstreamTable.register("u", "x", List.of("app.example.com"), Ipv4Address.parse(
        "192.0.2.10"));
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (EmbeddedDnsServer upstream = EmbeddedDnsServer.start(loopback,
        loopback, transport, upstreamTable.view(() -> List.of("u")), null)) {
      names.close();
      Map<String, NetworkRecord> nets = Map.of(USER.id(), USER);
      names = new ContainerNameService(transport, null, id -> Optional.ofNullable(nets.get(id)),
          id -> id.equals(WEB_ID) ? List.of(upstream.udpAddress()) : List.of());
      names.attached(endpoint(USER, WEB_ID, "web", "172.30.0.2", List.of()), web.path());
      names.attached(endpoint(USER, DB_ID, "db", "172.30.0.3", List.of()), db.path());
      assertTrue(lookup(web, "app.example.com").contains("192.0.2.10"));
      assertFalse(lookup(db, "app.example.com").contains("192.0.2.10"));
    }
  }

  /** busybox nslookup inside the namespace, bounded; output even when it fails. */
  private static String lookup(NetNs ns, String name) throws IOException, InterruptedException {
    return run("nsenter", "--net=" + ns.path(), "busybox", "timeout", "5", "busybox", "nslookup", name,
        "127.0.0.11");
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return out;
  }
}
