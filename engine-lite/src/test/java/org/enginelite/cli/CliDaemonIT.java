package org.enginelite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enginelite.engine.testing.BusyboxImage;
import org.enginelite.engine.testing.TerminalSession;
import org.enginelite.engine.testing.TestDaemon;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The CLI against a real daemon ({@link TestDaemon}: temporary data-root, exec-root, socket and network
 * namespace), with the busybox image bin/lib/make-busybox-rootfs.sh makes: import, run attached and detached,
 * ps, logs, exec, inspect, rm -f leaving nothing behind, image rm. TestDaemon removes everything, even after a
 * failure.
 */
@Privileged
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliDaemonIT {

  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static final String IMAGE = "engine-lite/busybox:latest";

  private static TestDaemon daemon;
  private static Path tar;

  @BeforeAll
  static void startDaemon() throws Exception {
    daemon = TestDaemon.start();
    tar = BusyboxImage.tarball();
  }

  @AfterAll
  static void stopDaemon() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static CliRun cli(String... args) {
    return CliRun.of(daemon.host(), args);
  }

  @Test
  @Order(1)
  void imageImport_busyboxTar_listedWithItsTag() {
    CliRun imported = cli("image", "import", tar.toString(), IMAGE);
    assertEquals(0, imported.status(), imported.err());
    assertTrue(imported.out().startsWith("sha256:"), imported.out());
    CliRun ls = cli("image", "ls");
    assertTrue(ls.out().startsWith("REPOSITORY            TAG       IMAGE ID       CREATED"), ls.out());
    assertTrue(ls.out().lines().anyMatch(l -> l.startsWith("engine-lite/busybox   latest    ")), ls.out());
  }

  @Test
  @Order(2)
  void runAttached_printsOutputOnBothStreams_exitsWithTheContainersStatus() {
    CliRun run = cli("run", "--rm", IMAGE, "sh", "-c", "echo to-out; echo to-err >&2; exit 3");
    assertEquals(3, run.status(), run.err());
    assertEquals("to-out\n", run.out());
    assertEquals("to-err\n", run.err());
  }

  @Test
  @Order(2)
  void runAndExecInteractive_stdinReachesTheProcess_andItsEndClosesIt() {
    CliRun cat = CliRun.withInput(daemon.host(), "line one\nline two\n".getBytes(StandardCharsets.UTF_8), "run",
        "-i", "--rm", IMAGE, "sh", "-c", "cat; echo done");
    assertEquals(0, cat.status(), cat.err());
    assertEquals("line one\nline two\ndone\n", cat.out());
    assertEquals(0, cli("run", "-d", "--name", "it-stdin", IMAGE, "sleep", "300").status());
    CliRun exec = CliRun.withInput(daemon.host(), "abc".getBytes(StandardCharsets.UTF_8), "exec", "-i", "it-stdin",
        "wc", "-c");
    assertEquals(0, exec.status(), exec.err());
    assertEquals("3", exec.out().trim());
    assertEquals(0, cli("rm", "-f", "it-stdin").status());
  }

  @Test
  @Order(2)
  void runWithTty_theProcessHasATerminal_andTheUsersTerminalIsRawAndSized() throws Exception {
    CliRun tty = cli("run", "--rm", "-t", IMAGE, "sh", "-c", "tty; exit 3");
    assertEquals(3, tty.status(), tty.err());
    assertTrue(tty.out().matches("/dev/pts/\\d+\r\n"), tty.out());
    CliRun noTerminal = cli("run", "--rm", "-it", IMAGE, "true");
    assertEquals(1, noTerminal.status());
    assertEquals("the input device is not a TTY\n", noTerminal.err());

    // The CLI in its own process on a terminal of 32x92, as a user runs it.
    ProcessBuilder user = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EngineLiteCli.class.getName(), "-H", daemon.host(), "run",
        "--rm", "-it", IMAGE, "sh");
    try (TerminalSession session = TerminalSession.start(user, 32, 92)) {
      assertTrue(session.awaitScreen("/ # ", 60), session.screen());
      assertTrue(session.retypeUntilShown("stty size\n", "32 92"), session.screen());
      session.type("exit 5\n");
      assertEquals(5, session.exitStatus(), session.screen());
    }

    // ctrl-p ctrl-q leave the container running, and the CLI ends with status 0.
    List<String> detaching = new java.util.ArrayList<>(user.command());
    detaching.addAll(detaching.indexOf("--rm"), List.of("--name", "it-detach"));
    detaching.remove("--rm");
    try (TerminalSession session = TerminalSession.start(new ProcessBuilder(detaching), 24, 80)) {
      assertTrue(session.awaitScreen("/ # ", 60), session.screen());
      session.type("\u0010");
      Thread.sleep(100); // typed as two keys, not pasted as one chunk
      session.type("\u0011");
      assertEquals(0, session.exitStatus(), session.screen());
    }
    JsonNode detached = Json.mapper().readTree(cli("inspect", "it-detach").out());
    assertTrue(detached.get(0).path("State").path("Running").asBoolean(), detached.toString());
    assertEquals(0, cli("rm", "-f", "it-detach").status());
  }

  @Test
  @Order(3)
  void runDetached_psLogsExecInspect_thenRmForce() throws Exception {
    CliRun run = cli("run", "-d", "--name", "it-web", IMAGE, "sh", "-c", "echo started; exec sleep 300");
    assertEquals(0, run.status(), run.err());
    String id = run.out().trim();
    assertEquals(64, id.length(), run.out());

    CliRun ps = cli("ps");
    assertTrue(ps.out().startsWith("CONTAINER ID   IMAGE"), ps.out());
    String row = ps.out().lines().filter(l -> l.endsWith("it-web")).findFirst().orElseThrow();
    assertTrue(row.startsWith(id.substring(0, 12) + "   "), row);
    assertTrue(row.contains("Up "), row);
    assertTrue(cli("ps", "-q").out().lines().anyMatch(l -> l.equals(id.substring(0, 12))));

    assertEquals("started\n", waitForLogs("it-web", "started\n"));

    CliRun exec = cli("exec", "it-web", "cat", "/www/index.html");
    assertEquals(0, exec.status(), exec.err());
    assertTrue(exec.out().contains("Hello from engine-lite!"), exec.out());
    assertEquals(4, cli("exec", "it-web", "sh", "-c", "exit 4").status());

    CliRun inspect = cli("inspect", "it-web");
    JsonNode json = Json.mapper().readTree(inspect.out());
    assertEquals(id, json.get(0).path("Id").asText());
    assertTrue(json.get(0).path("State").path("Running").asBoolean());

    CliRun rm = cli("rm", "-f", "it-web");
    assertEquals(0, rm.status(), rm.err());
    assertEquals("it-web\n", rm.out());
    assertFalse(cli("ps", "-a").out().contains("it-web"));
    assertEquals(List.of(), daemon.runcContainersLeft(List.of(id)));
    assertFalse(daemon.containerIdsOnDisk().contains(id));
    assertTrue(daemon.mountsLeft().stream().noneMatch(m -> m.toString().contains(id.substring(0, 12))),
        daemon.mountsLeft().toString());
    CliRun gone = cli("logs", "it-web");
    assertEquals(1, gone.status());
    assertTrue(gone.err().startsWith("Error response from daemon: "), gone.err());
  }

  @Test
  @Order(4)
  void run_unknownImage_oneLineErrorAndStatus125() {
    CliRun run = cli("run", "-d", "engine-lite/no-such-image:1");
    assertEquals(125, run.status());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("Error response from daemon: "), run.err());
    assertTrue(run.err().contains("engine-lite/no-such-image"), run.err());
  }

  @Test
  @Order(5)
  void imageRm_unused_untaggedAndGoneFromLs() {
    CliRun rm = cli("image", "rm", IMAGE);
    assertEquals(0, rm.status(), rm.err());
    assertTrue(rm.out().contains("Untagged: " + IMAGE) || rm.out().contains("Deleted: sha256:"), rm.out());
    assertFalse(cli("image", "ls").out().contains("engine-lite/busybox"));
  }

  @Test
  @Order(6)
  void launcher_noDaemonOnSocket_saysSoInOneLine() throws Exception {
    Path socket = daemon.dataRoot().resolve("none.sock");
    // The build under test is the one Maven just packaged: the launcher must not start another.
    ProcessBuilder pb = new ProcessBuilder(REPO.resolve("bin/engine-lite").toString(), "-H", "unix://" + socket, "ps")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("EL_NO_BUILD", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), err);
    assertEquals(List.of("Cannot connect to the engine-lite daemon at unix://" + socket
        + ". Is the daemon running? Start it with: bin/engine-lite daemon -H unix://" + socket), err.lines().toList());
  }

  private static String waitForLogs(String container, String expected) throws InterruptedException {
    String out = "";
    for (int i = 0; i < 50 && !out.equals(expected); i++) {
      out = cli("logs", container).out();
      Thread.sleep(100);
    }
    return out;
  }
}
