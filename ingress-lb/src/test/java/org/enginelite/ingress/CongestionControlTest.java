package org.enginelite.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.ingress.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A frontend naming a backend congestion control: its connections to backends use it, read back from the kernel
 * with {@code ss -ti}; a name the host cannot use is refused before anything listens.
 */
class CongestionControlTest {

  private static String systemDefault() throws IOException {
    return Files.readString(Path.of("/proc/sys/net/ipv4/tcp_congestion_control")).trim();
  }

  /** reno is built into every kernel and allowed to every process; cubic where reno is the default. */
  private static String notTheDefault() throws IOException {
    return systemDefault().equals("reno") ? "cubic" : "reno";
  }

  /** The congestion control of the established connection toward {@code port}, as {@code ss -ti} shows it. */
  private static String algorithmToward(int port) throws Exception {
    Process p =
        new ProcessBuilder("ss", "-Htin", "state", "established", "dport = :" + port).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "ss did not finish");
    List<String> lines = out.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    assertEquals(2, lines.size(), "one connection toward port " + port + " expected:\n" + out);
    return lines.get(1).split("\\s+")[0];
  }

  /** Sends a little through a balancer with {@code options} and returns the algorithm of its backend connection. */
  private static String backendAlgorithm(DataPath path, FrontendOptions options) throws Exception {
    AtomicLong received = new AtomicLong();
    TestServers.Tcp sink =
        new TestServers.Tcp(
            "sink",
            (n, s) -> {
              byte[] buf = new byte[64 * 1024];
              try {
                InputStream in = s.getInputStream();
                for (int r; (r = in.read(buf)) > 0; ) {
                  received.addAndGet(r);
                }
              } catch (IOException ignored) {
                // the test closed the connection
              }
            });
    try (sink;
        LoadBalancer lb = path.newBalancer(1)) {
      Listener l =
          lb.listen(
              Frontend.tcp(new InetSocketAddress(TestServers.LOOPBACK, 0)).withOptions(options.withSplice(path.splice)),
              List.of(sink.address()));
      try (Socket client = TestServers.connect(l.localAddress())) {
        OutputStream out = client.getOutputStream();
        out.write(new byte[16 * 1024]);
        out.flush();
        TestServers.await("the backend got 16 KiB", () -> received.get() == 16 * 1024);
        return algorithmToward(sink.address().getPort());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void backendConnection_usesTheNamedAlgorithm(DataPath path) throws Exception {
    String wanted = notTheDefault();
    assertEquals(wanted, backendAlgorithm(path, FrontendOptions.DEFAULTS.withBackendCongestionControl(wanted)));
  }

  @Test
  void backendConnection_keepsTheSystemsWhenNoneIsNamed() throws Exception {
    assertEquals(systemDefault(), backendAlgorithm(DataPath.EPOLL_COPY, FrontendOptions.DEFAULTS));
  }

  @Test
  void unknownAlgorithm_refusedAtListen_namingIt() throws Exception {
    try (TestServers.Tcp echo = TestServers.namedEcho("a");
        LoadBalancer lb = DataPath.EPOLL_COPY.newBalancer(1)) {
      Frontend f =
          Frontend.tcp(new InetSocketAddress(TestServers.LOOPBACK, 0))
              .withOptions(FrontendOptions.DEFAULTS.withBackendCongestionControl("nosuchcc"));
      InvalidParameterException e =
          assertThrows(InvalidParameterException.class, () -> lb.listen(f, List.of(echo.address())));
      assertTrue(e.getMessage().startsWith("congestion control \"nosuchcc\" cannot be used on this host: "), e.getMessage());
      assertEquals(List.of(), lb.listeners());
    }
  }

  @Test
  void nioTransport_refusedAtListen_itTakesNoRawSocketOptions() throws Exception {
    try (TestServers.Tcp echo = TestServers.namedEcho("a");
        LoadBalancer lb = LoadBalancer.create(1, Transport.NIO)) {
      Frontend f =
          Frontend.tcp(new InetSocketAddress(TestServers.LOOPBACK, 0))
              .withOptions(FrontendOptions.DEFAULTS.withBackendCongestionControl("reno"));
      InvalidParameterException e =
          assertThrows(InvalidParameterException.class, () -> lb.listen(f, List.of(echo.address())));
      assertEquals("congestion control needs the epoll or io_uring transport, not nio", e.getMessage());
      assertEquals(List.of(), lb.listeners());
    }
  }

  @Test
  void malformedName_refused() {
    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () -> FrontendOptions.DEFAULTS.withBackendCongestionControl("Cubic Fast"));
    assertEquals("congestion control must be a kernel algorithm name such as cubic, got \"Cubic Fast\"", e.getMessage());
  }
}
