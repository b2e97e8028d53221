package org.enginelite.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.ipam.Ipv4Address;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on the host's loopback, upstream resolvers played by other servers on loopback. */
class EmbeddedDnsServerTest {
  private static final InetSocketAddress LOOPBACK_ANY_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static DnsTransport transport;

  private final NameTable table = new NameTable();
  private final NameTable upstreamTable = new NameTable();
  private EmbeddedDnsServer upstream;
  private DnsForwarder forwarder;
  private EmbeddedDnsServer server;

  @BeforeAll
  static void loops() {
    transport = DnsTransport.create(1);
  }

  @AfterAll
  static void stopLoops() {
    transport.group().shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  @BeforeEach
  void start() {
    table.register("n1", "c1", List.of("web", "www", "0123456789ab"), Ipv4Address.parse("172.18.0.2"));
    table.register("n1", "c2", List.of("db", "www"), Ipv4Address.parse("172.18.0.3"));
    table.register("n2", "c3", List.of("elsewhere"), Ipv4Address.parse("172.19.0.2"));
    upstreamTable.register("u", "x", List.of("app.example.com"), Ipv4Address.parse("192.0.2.10"));
    upstream = EmbeddedDnsServer.start(LOOPBACK_ANY_PORT, LOOPBACK_ANY_PORT, transport,
        upstreamTable.view(() -> List.of("u")), null);
    forwarder = new DnsForwarder(transport, List.of(upstream.udpAddress()), Duration.ofSeconds(2));
    server = EmbeddedDnsServer.start(LOOPBACK_ANY_PORT, LOOPBACK_ANY_PORT, transport,
        table.view(() -> List.of("n1")), forwarder);
  }

  @AfterEach
  void stop() {
    server.close();
    forwarder.close();
    upstream.close();
  }

  @Test
  void udp_containerName_answersA() throws Exception {
    DnsWire.Answer a = DnsWire.udp(server.udpAddress(), "web", DnsRecordType.A);
    assertEquals(DnsResponseCode.NOERROR, a.code());
    assertEquals(List.of("172.18.0.2"), a.values());
    assertEquals(List.of("172.18.0.2"), DnsWire.udp(server.udpAddress(), "0123456789AB.", DnsRecordType.A).values());
  }

  @Test
  void tcp_sharedAlias_answersEveryAddress() throws Exception {
    DnsWire.Answer a = DnsWire.tcp(server.tcpAddress(), "www", DnsRecordType.A);
    assertEquals(Set.of("172.18.0.2", "172.18.0.3"), new HashSet<>(a.values()));
    assertEquals(2, a.values().size());
  }

  @Test
  void udp_otherNetworkOrUnknownSingleLabel_isNxdomain() throws Exception {
    assertEquals(DnsResponseCode.NXDOMAIN, DnsWire.udp(server.udpAddress(), "elsewhere", DnsRecordType.A).code());
    assertEquals(DnsResponseCode.NXDOMAIN, DnsWire.udp(server.udpAddress(), "nobody", DnsRecordType.A).code());
  }

  @Test
  void udp_aaaaOfKnownName_isEmptyNoError() throws Exception {
    DnsWire.Answer a = DnsWire.udp(server.udpAddress(), "web", DnsRecordType.AAAA);
    assertEquals(DnsResponseCode.NOERROR, a.code());
    assertEquals(List.of(), a.values());
  }

  @Test
  void udp_ptrOfContainerAddress_givesItsName() throws Exception {
    DnsWire.Answer a = DnsWire.udp(server.udpAddress(), "2.0.18.172.in-addr.arpa", DnsRecordType.PTR);
    assertEquals(List.of("web."), a.values());
  }

  @Test
  void udp_externalName_isForwardedUpstream() throws Exception {
    DnsWire.Answer a = DnsWire.udp(server.udpAddress(), "app.example.com", DnsRecordType.A);
    assertEquals(DnsResponseCode.NOERROR, a.code());
    assertEquals(List.of("192.0.2.10"), a.values());
    assertEquals(List.of("192.0.2.10"), DnsWire.tcp(server.tcpAddress(), "app.example.com", DnsRecordType.A).values());
  }

  @Test
  void udp_upstreamErrorCode_isPassedOn() throws Exception {
    // the upstream has no forwarder of its own, so a name it does not know is SERVFAIL there and here
    assertEquals(DnsResponseCode.SERVFAIL,
        DnsWire.udp(server.udpAddress(), "nothing.example.com", DnsRecordType.A).code());
  }

  @Test
  void forward_silentFirstUpstream_fallsBackToNextWithinTimeout() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        DnsForwarder twoUpstreams = new DnsForwarder(transport,
            List.of((InetSocketAddress) silent.getLocalSocketAddress(), upstream.udpAddress()),
            Duration.ofMillis(300));
        EmbeddedDnsServer s = EmbeddedDnsServer.start(LOOPBACK_ANY_PORT, LOOPBACK_ANY_PORT, transport,
            table.view(() -> List.of("n1")), twoUpstreams)) {
      assertEquals(List.of("192.0.2.10"), DnsWire.udp(s.udpAddress(), "app.example.com", DnsRecordType.A).values());
    }
  }

  @Test
  void forward_noUpstreamAnswers_isServfail() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        DnsForwarder dead = new DnsForwarder(transport,
            List.of((InetSocketAddress) silent.getLocalSocketAddress()), Duration.ofMillis(300));
        EmbeddedDnsServer s = EmbeddedDnsServer.start(LOOPBACK_ANY_PORT, LOOPBACK_ANY_PORT, transport,
            table.view(() -> List.of("n1")), dead)) {
      assertEquals(DnsResponseCode.SERVFAIL, DnsWire.udp(s.udpAddress(), "app.example.com", DnsRecordType.A).code());
    }
  }

  @Test
  void udp_manyAddresses_truncatedToFit512Bytes() throws Exception {
    for (int i = 0; i < 60; i++) {
      table.register("n1", "many" + i, List.of("many", "m" + i), Ipv4Address.parse("172.18.1." + i));
    }
    DnsWire.Answer udp = DnsWire.udp(server.udpAddress(), "many", DnsRecordType.A);
    assertTrue(udp.truncated());
    assertTrue(udp.values().size() < 60 && !udp.values().isEmpty(), udp.values().toString());
    assertEquals(60, DnsWire.tcp(server.tcpAddress(), "many", DnsRecordType.A).values().size());
  }

  @Test
  void start_addressTaken_failsNamingItAndLeavesNothingOpen() {
    InetSocketAddress taken = server.udpAddress();
    InternalException e = assertThrows(InternalException.class,
        () -> EmbeddedDnsServer.start(taken, LOOPBACK_ANY_PORT, transport, table.view(List::of), null));
    assertTrue(e.getMessage().contains("cannot bind DNS UDP socket to 127.0.0.1:" + taken.getPort()), e.getMessage());
  }
}
