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

  /** What the command returned and printed on stderr. */
  private record Outcome(int status, String stderr) {}

  private static Outcome run(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = LbCommand.run(args);
    } finally {
      System.setErr(old);
    }
    return new Outcome(status, buf.toString(StandardCharsets.UTF_8));
  }

  /** Runs with a valid frontend and backend plus one option. */
  private static Outcome runWith(String option, String value) {
    return run("--listen", "127.0.0.1:0", "--backend", "127.0.0.1:80", option, value);
  }

  @Test
  void run_badBackendPort_exitsTwoNamingIt() {
    assertEquals(
        new Outcome(2, "lb: invalid port in \"127.0.0.1:http\"\n"),
        run("--listen", "127.0.0.1:0", "--backend", "127.0.0.1:http"));
  }

  @Test
  void run_unknownProxyVersion_exitsTwo() {
    assertEquals(
        new Outcome(2, "lb: --proxy-protocol must be v1 or v2, got \"v3\"\n"), runWith("--proxy-protocol", "v3"));
  }

  @Test
  void run_unknownCongestionControl_exitsTwoWithTheKernelsReason() {
    Outcome o = runWith("--backend-cc", "nosuchcc");
    assertEquals(2, o.status());
    assertTrue(o.stderr().startsWith("lb: congestion control \"nosuchcc\" cannot be used on this host: "), o.stderr());
  }

  @Test
  void run_unknownTransport_exitsTwoNamingTheChoices() {
    assertEquals(
        new Outcome(2, "lb: transport must be io_uring, epoll or nio, got \"kqueue\"\n"),
        runWith("--transport", "kqueue"));
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
