package org.enginelite.ingress;

import static org.enginelite.ingress.TestServers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** UDP flows through real loopback sockets: pinned per client address, expiring when idle. */
class UdpBalancingTest {
  private TestServers.Udp a;
  private TestServers.Udp b;
  private LoadBalancer lb;

  @AfterEach
  void tearDown() {
    if (lb != null) {
      lb.close();
    }
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  private Listener start(DataPath path, Duration idle) throws IOException {
    lb = path.newBalancer(2);
    a = new TestServers.Udp("a");
    b = new TestServers.Udp("b");
    return lb.listen(
        Frontend.udp(new InetSocketAddress(TestServers.LOOPBACK, 0))
            .withOptions(FrontendOptions.DEFAULTS.withUdpIdleTimeout(idle)),
        List.of(a.address(), b.address()));
  }

  private static String ask(DatagramSocket client, InetSocketAddress to, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    client.send(new DatagramPacket(b, b.length, to));
    DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
    client.receive(reply);
    assertEquals(to.getPort(), reply.getPort(), "reply comes from the frontend address");
    return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
  }

  private static DatagramSocket client() throws IOException {
    DatagramSocket s = new DatagramSocket(new InetSocketAddress(TestServers.LOOPBACK, 0));
    s.setSoTimeout(3000);
    return s;
  }

  @ParameterizedTest
  @EnumSource(value = DataPath.class, names = {"IO_URING", "EPOLL_COPY"})
  void datagrams_sameClient_pinnedToOneBackend(DataPath path) throws Exception {
    Listener l = start(path, Duration.ofSeconds(30));
    try (DatagramSocket c1 = client();
        DatagramSocket c2 = client()) {
      String first = ask(c1, l.localAddress(), "1").split(":")[0];
      for (int i = 2; i <= 5; i++) {
        assertEquals(first + ":" + i, ask(c1, l.localAddress(), String.valueOf(i)));
      }
      String other = ask(c2, l.localAddress(), "x").split(":")[0];
      assertNotEquals(first, other);
      assertEquals(other + ":y", ask(c2, l.localAddress(), "y"));
      FrontendStats s = l.stats();
      assertEquals(2, s.activeConnections());
      assertEquals(2, s.totalConnections());
      assertEquals(7, s.bytesIn());
      assertEquals(7 * 3, s.bytesOut());
    }
  }

  @ParameterizedTest
  @EnumSource(value = DataPath.class, names = {"IO_URING", "EPOLL_COPY"})
  void datagrams_idleFlow_expiresAndNextGoesToNextBackend(DataPath path) throws Exception {
    Listener l = start(path, Duration.ofMillis(300));
    try (DatagramSocket c = client()) {
      assertEquals("a:1", ask(c, l.localAddress(), "1"));
      assertEquals(1, l.stats().activeConnections());
      await("the idle flow expires", () -> l.stats().activeConnections() == 0);
      assertEquals(0, l.stats().backends().get(0).activeConnections());
      // A new flow for the same client: the rotation has moved on.
      assertEquals("b:2", ask(c, l.localAddress(), "2"));
      assertEquals(2, l.stats().totalConnections());
    }
  }
}
