package org.enginelite.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server inside a fresh network namespace at 127.0.0.11:53, queried from inside it by busybox's resolver
 * and by Java sockets made in the namespace; the daemon's own namespace never sees the sockets.
 */
@Privileged
class NamespaceDnsServerTest {
  @TempDir Path dir;
  private NetNs netns;
  private DnsTransport transport;
  private final NameTable table = new NameTable();
  private EmbeddedDnsServer server;

  @BeforeEach
  void namespace() throws Exception {
    netns = NetNs.create(dir.resolve("el-dns-test"));
    // In tests only: bring loopback up with iproute2 (the engine does it through netlink).
    run("nsenter", "--net=" + netns.path(), "ip", "link", "set", "lo", "up");
    transport = DnsTransport.create(1);
    table.register("net", "c1", List.of("web", "www", "0123456789ab"), Ipv4Address.parse("172.18.0.2"));
    table.register("net", "c2", List.of("db", "www"), Ipv4Address.parse("172.18.0.3"));
  }

  @AfterEach
  void cleanUp() {
    if (server != null) {
      server.close();
    }
    if (transport != null) {
      transport.group().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (netns != null) {
      netns.delete();
    }
  }

  @Test
  void startInNamespace_busyboxNslookup_resolvesNamesAndAlias() throws Exception {
    server = EmbeddedDnsServer.startInNamespace(netns, transport, table.view(() -> List.of("net")), null);
    String web = run("nsenter", "--net=" + netns.path(), "busybox", "nslookup", "web", "127.0.0.11");
    assertTrue(web.contains("172.18.0.2"), web);
    String alias = run("nsenter", "--net=" + netns.path(), "busybox", "nslookup", "www", "127.0.0.11");
    assertTrue(alias.contains("172.18.0.2") && alias.contains("172.18.0.3"), alias);
    String shortId = run("nsenter", "--net=" + netns.path(), "busybox", "nslookup", "0123456789ab", "127.0.0.11");
    assertTrue(shortId.contains("172.18.0.2"), shortId);
  }

  @Test
  void startInNamespace_javaClientsInsideNamespace_getAnswersOverUdpAndTcp() throws Exception {
    server = EmbeddedDnsServer.startInNamespace(netns, transport, table.view(() -> List.of("net")), null);
    DnsWire.Answer udp = netns.run(() -> DnsWire.udp(EmbeddedDnsServer.CONTAINER_ADDRESS, "db", DnsRecordType.A));
    assertEquals(List.of("172.18.0.3"), udp.values());
    DnsWire.Answer tcp = netns.run(() -> DnsWire.tcp(EmbeddedDnsServer.CONTAINER_ADDRESS, "nobody", DnsRecordType.A));
    assertEquals(DnsResponseCode.NXDOMAIN, tcp.code());
  }

  @Test
  void startInNamespace_twoNamespaces_eachHasItsOwnServerOnTheSameAddress() throws Exception {
    NetNs other = NetNs.create(dir.resolve("el-dns-test2"));
    NameTable otherTable = new NameTable();
    otherTable.register("other", "c9", List.of("web"), Ipv4Address.parse("10.9.0.9"));
    try {
      run("nsenter", "--net=" + other.path(), "ip", "link", "set", "lo", "up");
      server = EmbeddedDnsServer.startInNamespace(netns, transport, table.view(() -> List.of("net")), null);
      try (EmbeddedDnsServer second = EmbeddedDnsServer.startInNamespace(other, transport,
          otherTable.view(() -> List.of("other")), null)) {
        assertEquals(List.of("10.9.0.9"),
            other.run(() -> DnsWire.udp(EmbeddedDnsServer.CONTAINER_ADDRESS, "web", DnsRecordType.A)).values());
        assertEquals(List.of("172.18.0.2"),
            netns.run(() -> DnsWire.udp(EmbeddedDnsServer.CONTAINER_ADDRESS, "web", DnsRecordType.A)).values());
      }
    } finally {
      other.delete();
    }
  }

  @Test
  void close_thenQuery_nothingAnswersInNamespace() throws Exception {
    server = EmbeddedDnsServer.startInNamespace(netns, transport, table.view(() -> List.of("net")), null);
    server.close();
    assertFalse(server.isOpen());
    server = null;
    String out = runAllowingFailure("nsenter", "--net=" + netns.path(), "busybox", "timeout", "5",
        "busybox", "nslookup", "web", "127.0.0.11");
    assertFalse(out.contains("172.18.0.2"), out);
  }

  @Test
  void forwarder_inDaemonNamespace_answersExternalNamesForTheContainer() throws Exception {
    NameTable upstreamTable = new NameTable();
    upstreamTable.register("u", "x", List.of("app.example.com"), Ipv4Address.parse("192.0.2.10"));
    java.net.InetSocketAddress loopback = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);
    try (EmbeddedDnsServer upstream = EmbeddedDnsServer.start(loopback, loopback, transport,
        upstreamTable.view(() -> List.of("u")), null);
        DnsForwarder forwarder = new DnsForwarder(transport, List.of(upstream.udpAddress()), Duration.ofSeconds(2))) {
      server = EmbeddedDnsServer.startInNamespace(netns, transport, table.view(() -> List.of("net")), forwarder);
      String out = run("nsenter", "--net=" + netns.path(), "busybox", "nslookup", "app.example.com", "127.0.0.11");
      assertTrue(out.contains("192.0.2.10"), out);
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  private static String runAllowingFailure(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(20, TimeUnit.SECONDS);
    p.destroyForcibly();
    return out;
  }
}
