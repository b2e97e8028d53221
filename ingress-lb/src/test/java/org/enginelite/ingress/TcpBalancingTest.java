package org.enginelite.ingress;

import static org.enginelite.ingress.TestServers.await;
import static org.enginelite.ingress.TestServers.connect;
import static org.enginelite.ingress.TestServers.namedEcho;
import static org.enginelite.ingress.TestServers.readLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TCP balancing through real loopback sockets, on io_uring and on epoll with splice and with buffer copies. */
class TcpBalancingTest {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private LoadBalancer lb;

  private Listener start(DataPath path, FrontendOptions base, InetSocketAddress... backends) {
    lb = path.newBalancer(2);
    Frontend f =
        Frontend.tcp(new InetSocketAddress(TestServers.LOOPBACK, 0)).withOptions(base.withSplice(path.splice));
    return lb.listen(f, List.of(backends));
  }

  private TestServers.Tcp echo(String name) throws IOException {
    TestServers.Tcp t = namedEcho(name);
    resources.add(t);
    return t;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (lb != null) {
      lb.close();
    }
    for (AutoCloseable c : resources) {
      c.close();
    }
  }

  private static String nameOfBackendAt(Listener l) throws IOException {
    try (Socket s = connect(l.localAddress())) {
      return readLine(s.getInputStream());
    }
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void connect_threeBackends_roundRobinInOrder(DataPath path) throws Exception {
    Listener l =
        start(path, FrontendOptions.DEFAULTS, echo("a").address(), echo("b").address(), echo("c").address());
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      seen.add(nameOfBackendAt(l));
    }
    assertEquals(List.of("a", "b", "c", "a", "b", "c"), seen);
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void connect_refusingBackend_skippedAndMarkedDown(DataPath path) throws Exception {
    InetSocketAddress dead = TestServers.refusingPort();
    Listener l =
        start(path, FrontendOptions.DEFAULTS.withFailureBackoff(Duration.ofMinutes(1)), dead, echo("b").address());
    for (int i = 0; i < 4; i++) {
      assertEquals("b", nameOfBackendAt(l));
    }
    BackendStats deadStats = l.stats().backends().get(0);
    assertEquals(dead, deadStats.address());
    assertEquals(BackendStats.State.DOWN, deadStats.state());
    // Skipped during its back-off: one refused connect, not one per client.
    assertEquals(1, deadStats.failures());
    assertEquals(4, l.stats().backends().get(1).totalConnections());
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void connect_refusingBackendAfterBackoff_isProbedAgain(DataPath path) throws Exception {
    InetSocketAddress dead = TestServers.refusingPort();
    Listener l =
        start(path, FrontendOptions.DEFAULTS.withFailureBackoff(Duration.ofMillis(50)), dead, echo("b").address());
    assertEquals("b", nameOfBackendAt(l));
    try (ServerSocket revived = new ServerSocket()) {
      revived.setReuseAddress(true);
      revived.bind(dead);
      Thread.sleep(150);
      // The cursor points at the revived backend next; the connect succeeds and puts it back in rotation.
      try (Socket s = connect(l.localAddress())) {
        try (Socket accepted = revived.accept()) {
          await("the revived backend is up", () -> l.stats().backends().get(0).state() == BackendStats.State.UP);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void connect_backendNotAccepting_timesOutAndRetriesNext(DataPath path) throws Exception {
    // A listener whose accept queue is full drops SYNs, so a connect to it hangs until the timeout.
    try (ServerSocket stuck = new ServerSocket(0, 1, TestServers.LOOPBACK)) {
      InetSocketAddress stuckAddress = new InetSocketAddress(TestServers.LOOPBACK, stuck.getLocalPort());
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Socket f = new Socket();
          try {
            f.connect(stuckAddress, 200);
            fillers.add(f);
          } catch (IOException full) {
            f.close();
            break;
          }
        }
        Listener l =
            start(
                path,
                FrontendOptions.DEFAULTS.withConnectTimeout(Duration.ofMillis(300)),
                stuckAddress,
                echo("b").address());
        assertEquals("b", nameOfBackendAt(l));
        assertEquals(1, l.stats().backends().get(0).failures());
      } finally {
        for (Socket f : fillers) {
          f.close();
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void setBackends_removedBackend_drainsEstablishedConnection(DataPath path) throws Exception {
    TestServers.Tcp a = echo("a");
    TestServers.Tcp b = echo("b");
    Listener l = start(path, FrontendOptions.DEFAULTS, a.address());
    try (Socket s = connect(l.localAddress())) {
      InputStream in = s.getInputStream();
      assertEquals("a", readLine(in));
      l.setBackends(List.of(b.address()));
      assertEquals(List.of(b.address()), l.backends());
      // The established connection still reaches "a".
      s.getOutputStream().write("still here\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals("still here", readLine(in));
      assertEquals("b", nameOfBackendAt(l));
      BackendStats draining = l.stats().backends().get(0);
      assertEquals(a.address(), draining.address());
      assertEquals(BackendStats.State.DRAINING, draining.state());
      assertEquals(1, draining.activeConnections());
    }
    await("the drained backend is forgotten", () -> l.stats().backends().size() == 1);
    assertEquals(b.address(), l.stats().backends().get(0).address());
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void shutdownOutput_clientHalfCloses_backendAnswersAfterEof(DataPath path) throws Exception {
    // Reads until EOF, then answers with the count: works only if the FIN is passed on and the way back stays open.
    TestServers.Tcp counter =
        new TestServers.Tcp(
            "counter",
            (n, s) -> {
              try {
                byte[] all = s.getInputStream().readAllBytes();
                s.getOutputStream().write(("got " + all.length + "\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
              } catch (IOException ignored) {
                // peer gone
              }
            });
    resources.add(counter);
    Listener l = start(path, FrontendOptions.DEFAULTS, counter.address());
    try (Socket s = connect(l.localAddress())) {
      // Past the splice threshold, so with splice on the FIN arrives while bytes may still be queued.
      s.getOutputStream().write(new byte[3_000_000]);
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      assertEquals("got 3000000", readLine(in));
      assertEquals(-1, in.read());
    }
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void stats_afterExchange_countConnectionsAndBytes(DataPath path) throws Exception {
    TestServers.Tcp a = echo("a");
    Listener l = start(path, FrontendOptions.DEFAULTS, a.address());
    byte[] payload = new byte[50_000];
    try (Socket s = connect(l.localAddress())) {
      InputStream in = s.getInputStream();
      assertEquals("a", readLine(in));
      s.getOutputStream().write(payload);
      assertEquals(payload.length, in.readNBytes(payload.length).length);
      FrontendStats live = l.stats();
      assertEquals(1, live.activeConnections());
    }
    await("the connection is closed", () -> l.stats().activeConnections() == 0);
    FrontendStats f = lb.stats().frontends().get(0);
    assertEquals(Protocol.TCP, f.protocol());
    assertEquals(l.localAddress(), f.listen());
    assertEquals(1, f.totalConnections());
    assertEquals(payload.length, f.bytesIn());
    assertEquals(payload.length + 2, f.bytesOut());
    BackendStats bs = f.backends().get(0);
    assertEquals(1, bs.totalConnections());
    assertEquals(0, bs.activeConnections());
    assertEquals(payload.length, bs.bytesIn());
    assertEquals(payload.length + 2, bs.bytesOut());
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void stats_bulkStream_countedWithinOneSpliceChunk(DataPath path) throws Exception {
    TestServers.Tcp a = echo("a");
    Listener l = start(path, FrontendOptions.DEFAULTS, a.address());
    int size = 8 * 1024 * 1024;
    try (Socket s = connect(l.localAddress())) {
      InputStream in = s.getInputStream();
      assertEquals("a", readLine(in));
      Thread writer =
          new Thread(
              () -> {
                try {
                  s.getOutputStream().write(new byte[size]);
                } catch (IOException ignored) {
                  // the assertion below reports the shortfall
                }
              });
      writer.start();
      assertEquals(size, in.readNBytes(size).length);
      writer.join();
    }
    await("the connection is closed", () -> l.stats().activeConnections() == 0);
    FrontendStats f = l.stats();
    // A spliced stream is counted per chunk; its last partial chunk is not seen by the process.
    long slack = path.splice ? 64 * 1024 : 0;
    assertTrue(f.bytesIn() <= size && f.bytesIn() >= size - slack, "bytes in " + f.bytesIn());
    assertTrue(f.bytesOut() <= size + 2 && f.bytesOut() >= size + 2 - slack, "bytes out " + f.bytesOut());
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void activeHealthCheck_deadThenRevived_downThenUp(DataPath path) throws Exception {
    InetSocketAddress port = TestServers.refusingPort();
    Listener l =
        start(
            path,
            FrontendOptions.DEFAULTS
                .withHealthCheckInterval(Duration.ofMillis(50))
                .withFailureBackoff(Duration.ofMinutes(1)),
            port);
    await("the probe marks it down", () -> l.stats().backends().get(0).state() == BackendStats.State.DOWN);
    try (ServerSocket revived = new ServerSocket()) {
      revived.setReuseAddress(true);
      revived.bind(port);
      await("the probe marks it up", () -> l.stats().backends().get(0).state() == BackendStats.State.UP);
    }
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void close_listener_closesConnectionsAndPort(DataPath path) throws Exception {
    Listener l = start(path, FrontendOptions.DEFAULTS, echo("a").address());
    try (Socket s = connect(l.localAddress())) {
      assertEquals("a", readLine(s.getInputStream()));
      l.close();
      assertEquals(-1, s.getInputStream().read());
    }
    assertTrue(lb.listeners().isEmpty());
    Socket again = new Socket();
    try {
      again.connect(l.localAddress(), 1000);
      throw new AssertionError("port still accepting after close");
    } catch (IOException refused) {
      // expected
    } finally {
      again.close();
    }
  }
}
