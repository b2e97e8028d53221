package org.enginelite.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.ingress.cli.LbCommand;
import org.junit.jupiter.api.Test;

/** Command-line input errors are one clear line and a non-zero status, before anything is bound. */
class LbCommandTest {

  private static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_badBackendPort_exitsTwoNamingIt() {
    int[] status = new int[1];
    String err =
        stderrOf(() -> status[0] = LbCommand.run("--listen", "127.0.0.1:0", "--backend", "127.0.0.1:http"));
    assertEquals(2, status[0]);
    assertEquals("lb: invalid port in \"127.0.0.1:http\"\n", err);
  }

  @Test
  void run_unknownProxyVersion_exitsTwo() {
    int[] status = new int[1];
    String err =
        stderrOf(
            () ->
                status[0] =
                    LbCommand.run(
                        "--listen", "127.0.0.1:0", "--backend", "127.0.0.1:80", "--proxy-protocol", "v3"));
    assertEquals(2, status[0]);
    assertEquals("lb: --proxy-protocol must be v1 or v2, got \"v3\"\n", err);
  }

  @Test
  void run_unknownCongestionControl_exitsTwoWithTheKernelsReason() {
    int[] status = new int[1];
    String err =
        stderrOf(
            () ->
                status[0] =
                    LbCommand.run("--listen", "127.0.0.1:0", "--backend", "127.0.0.1:80", "--backend-cc", "nosuchcc"));
    assertEquals(2, status[0]);
    assertTrue(err.startsWith("lb: congestion control \"nosuchcc\" cannot be used on this host: "), err);
  }

  @Test
  void run_unknownTransport_exitsTwoNamingTheChoices() {
    int[] status = new int[1];
    String err =
        stderrOf(
            () ->
                status[0] =
                    LbCommand.run("--listen", "127.0.0.1:0", "--backend", "127.0.0.1:80", "--transport", "kqueue"));
    assertEquals(2, status[0]);
    assertEquals("lb: transport must be io_uring, epoll or nio, got \"kqueue\"\n", err);
  }

  @Test
  void parse_hostPortForms_resolvedOnce() {
    assertEquals(new InetSocketAddress("127.0.0.1", 80), HostPort.parse("127.0.0.1:80"));
    assertEquals(new InetSocketAddress("::1", 8080), HostPort.parse("[::1]:8080"));
    assertEquals("[0:0:0:0:0:0:0:1]:8080", HostPort.format(HostPort.parse("[::1]:8080")));
    assertThrows(InvalidParameterException.class, () -> HostPort.parse("nocolon"));
    assertThrows(InvalidParameterException.class, () -> HostPort.parse("127.0.0.1:70000"));
  }
}
