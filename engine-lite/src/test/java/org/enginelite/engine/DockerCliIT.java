package org.enginelite.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enginelite.engine.testing.BusyboxImage;
import org.enginelite.engine.testing.RawApi;
import org.enginelite.engine.testing.TerminalSession;
import org.enginelite.engine.testing.TestDaemon;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The unmodified docker CLI against the engine's socket. */
@Privileged
class DockerCliIT {
  private static TestDaemon daemon;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    daemon = TestDaemon.start();
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static Result docker(String... args) throws Exception {
    return dockerWithInput(null, args);
  }

  /** Runs the docker CLI with {@code input} on its stdin (closed after it), or /dev/null when null. */
  private static Result dockerWithInput(byte[] input, String... args) throws Exception {
    ProcessBuilder pb = daemon.dockerCli(args);
    Path err = Files.createTempFile("el-docker-", ".err");
    try {
      if (input == null) {
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      }
      Process p = pb.redirectError(err.toFile()).start();
      if (input != null) {
        Thread feeder = new Thread(() -> {
          try (var stdin = p.getOutputStream()) {
            stdin.write(input);
          } catch (java.io.IOException ignored) {
            // the command ended without reading all of it; its output says so
          }
        });
        feeder.setDaemon(true);
        feeder.start();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker " + String.join(" ", args) + " hung");
      return new Result(p.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static Result ok(String... args) throws Exception {
    Result r = docker(args);
    assertEquals(0, r.code(), "docker " + String.join(" ", args) + ": " + r.err() + "\n" + daemon.log());
    return r;
  }

  private static synchronized void importBusybox() throws Exception {
    if (!ok("images", "-q", "cli-busybox:1").out().isBlank()) {
      return;
    }
    Result imported = ok("import", BusyboxImage.tarball().toString(), "cli-busybox:1");
    assertTrue(imported.out().startsWith("sha256:"), imported.out());
    assertTrue(ok("images").out().contains("cli-busybox"));
  }

  @Test
  void dockerCli_runAndExecWithInteractiveStdin() throws Exception {
    importBusybox();
    Result cat = dockerWithInput("hello stdin\n".getBytes(StandardCharsets.UTF_8), "run", "-i", "--rm",
        "cli-busybox:1", "cat");
    assertEquals(0, cat.code(), cat.err());
    assertEquals("hello stdin\n", cat.out());
    // More than a pipe holds (64 KiB): the client is held back while the process reads, nothing is lost.
    byte[] big = new byte[300_000];
    java.util.Arrays.fill(big, (byte) 'x');
    Result count = dockerWithInput(big, "run", "-i", "--rm", "cli-busybox:1", "wc", "-c");
    assertEquals(0, count.code(), count.err());
    assertEquals("300000", count.out().trim());

    // Without an attached client (-d -i), stdin stays open: cat waits for input instead of ending.
    ok("run", "-d", "-i", "--name", "keep", "cli-busybox:1", "cat");
    Thread.sleep(500);
    assertEquals("true", ok("inspect", "-f", "{{.State.Running}}", "keep").out().trim());
    Result exec = dockerWithInput("abc".getBytes(StandardCharsets.UTF_8), "exec", "-i", "keep", "sh", "-c",
        "cat > /tmp/in; wc -c < /tmp/in");
    assertEquals(0, exec.code(), exec.err());
    assertEquals("3", exec.out().trim());
    assertEquals("true", ok("inspect", "-f", "{{.State.Running}}", "keep").out().trim());
    ok("rm", "-f", "keep");
  }

  @Test
  void dockerCli_tty_givesTheProcessATerminalWithTheClientsSize() throws Exception {
    importBusybox();
    try {
      ttyScenario();
    } finally {
      docker("rm", "-f", "tty1", "tty2", "tty3");
    }
  }

  private static void ttyScenario() throws Exception {
    // -t alone: the process runs on a terminal; its output is the terminal's (CR LF), and so are its logs.
    Result tty = docker("run", "-t", "--name", "tty1", "cli-busybox:1", "sh", "-c", "tty; exit 3");
    assertEquals(3, tty.code(), tty.err());
    assertTrue(tty.out().matches("/dev/pts/\\d+\r\n"), escaped(tty.out()));
    assertEquals(tty.out(), ok("logs", "tty1").out());
    ok("rm", "tty1");
    Result noTerminal = docker("run", "--rm", "-it", "cli-busybox:1", "true");
    assertEquals(1, noTerminal.code());
    assertTrue(noTerminal.err().contains("the input device is not a TTY"), noTerminal.err());

    // -it from a terminal of 30x90: a prompt without a newline, the size passed on, the exit status.
    try (TerminalSession run = TerminalSession.start(daemon.dockerCli("run", "--rm", "-it", "--name", "tty2",
        "cli-busybox:1", "sh"), 30, 90)) {
      assertTrue(run.awaitScreen("/ # ", 60), run.screen());
      assertTrue(run.retypeUntilShown("stty size\n", "30 90"), run.screen());
      run.type("exit 5\n");
      assertEquals(5, run.exitStatus(), run.screen());
    }

    // exec -it into a container started with -dit, and a resize through the API while it runs.
    ok("run", "-dit", "--name", "tty3", "cli-busybox:1", "sh");
    try (TerminalSession exec = TerminalSession.start(daemon.dockerCli("exec", "-it", "tty3", "sh"), 31, 91)) {
      assertTrue(exec.awaitScreen("# ", 60), exec.screen());
      assertTrue(exec.retypeUntilShown("stty size\n", "31 91"), exec.screen());
      exec.type("exit 6\n");
      assertEquals(6, exec.exitStatus(), exec.screen());
    }
    // attach, then ctrl-p ctrl-q: the client leaves, the shell runs on with its input open for the next attach.
    for (int round = 1; round <= 2; round++) {
      try (TerminalSession attach = TerminalSession.start(daemon.dockerCli("attach", "tty3"), 30, 90)) {
        // The answer on a line of its own (the echoed command has "))" after the digits). Its line end is the
        // container terminal's CR LF, which the client's own terminal turns into CR CR LF while its output
        // processing is on (seen once in a full run), so only the CR after the digits is required.
        assertTrue(attach.retypeUntilShown("echo $((" + round + " * 1111))\n", "\n" + round * 1111 + "\r"),
            attach.screen());
        attach.type("\u0010");
        Thread.sleep(100); // typed as two keys, not pasted as one chunk
        attach.type("\u0011");
        attach.exitStatus();
      }
      assertEquals("true", ok("inspect", "-f", "{{.State.Running}}", "tty3").out().trim());
    }
    RawApi api = daemon.api();
    assertEquals(400, api.post("/containers/tty3/attach?stream=1&stdin=1&detachKeys=ctrl-1").status());
    assertEquals(200, api.post("/containers/tty3/resize?h=40&w=120").status());
    assertEquals(400, api.post("/containers/tty3/resize?h=x&w=120").status());
    Result size = docker("exec", "tty3", "sh", "-c", "stty size < /proc/1/fd/0");
    assertEquals("40 120", size.out().trim(), size.err());
    ok("stop", "-t", "1", "tty3");
    RawApi.Response stopped = api.post("/containers/tty3/resize?h=40&w=120");
    assertEquals(409, stopped.status());
    assertTrue(stopped.message().contains("is not running"), stopped.message());
    ok("rm", "tty3");
  }

  /** Control characters made visible, for failure messages about terminal output. */
  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 0x20 ? String.format("\\x%02x", c) : String.valueOf((char) c)));
    return b.toString();
  }

  @Test
  void dockerCli_tagAndPrune_ofContainersAndImages() throws Exception {
    importBusybox();
    // tag: a second name for the same image; rmi of one of two names only untags.
    ok("tag", "cli-busybox:1", "cli-tagged:v2");
    String id = ok("image", "inspect", "-f", "{{.Id}}", "cli-busybox:1").out().trim();
    assertEquals(id, ok("image", "inspect", "-f", "{{.Id}}", "cli-tagged:v2").out().trim());
    Result upper = docker("tag", "cli-busybox:1", "Bad:x");
    assertEquals(1, upper.code());
    assertTrue(upper.err().contains("invalid reference format"), upper.err());
    Result missing = docker("tag", "no-such-image:1", "cli-other:1");
    assertTrue(missing.err().contains("No such image: no-such-image:1"), missing.err());
    assertTrue(ok("rmi", "cli-tagged:v2").out().contains("Untagged: cli-tagged:v2"));
    ok("image", "inspect", "cli-busybox:1");

    // container prune: stopped containers go, running ones stay, a label filter narrows the choice.
    String labelled = ok("run", "-d", "--label", "prune=yes", "cli-busybox:1", "true").out().trim();
    String other = ok("run", "-d", "--label", "prune=no", "cli-busybox:1", "true").out().trim();
    String running = ok("run", "-d", "cli-busybox:1", "sleep", "300").out().trim();
    try {
      ok("wait", labelled);
      ok("wait", other);
      Result byLabel = ok("container", "prune", "-f", "--filter", "label=prune=yes");
      assertTrue(byLabel.out().contains(labelled), byLabel.out());
      assertFalse(byLabel.out().contains(other), byLabel.out());
      assertEquals(1, docker("inspect", labelled).code(), "pruned");
      Result all = ok("container", "prune", "-f");
      assertTrue(all.out().contains(other), all.out());
      assertFalse(all.out().contains(running), all.out());
      assertEquals("true", ok("inspect", "-f", "{{.State.Running}}", running).out().trim());
      Result badFilter = docker("container", "prune", "-f", "--filter", "status=exited");
      assertTrue(badFilter.err().contains("invalid filter 'status'"), badFilter.err());
    } finally {
      docker("rm", "-f", labelled, other, running);
    }

    // image prune: an untagged image no container uses goes; tagged ones stay.
    String dangling = ok("import", BusyboxImage.tarball().toString()).out().trim();
    Result images = ok("image", "prune", "-f");
    assertTrue(images.out().contains("deleted: " + dangling), images.out());
    ok("image", "inspect", "cli-busybox:1");
  }

  @Test
  void dockerCli_statsFromTheContainersCgroup_andSystemPrune() throws Exception {
    importBusybox();
    ok("run", "-d", "--name", "stats1", "-m", "64m", "cli-busybox:1", "sh", "-c", "while :; do :; done");
    try {
      Result stats = ok("stats", "--no-stream", "--format", "{{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.PIDs}}",
          "stats1");
      String[] f = stats.out().trim().split(" ");
      assertEquals("stats1", f[0], stats.out());
      assertTrue(Double.parseDouble(f[1].replace("%", "")) > 0, "a busy loop uses CPU between samples: " + stats.out());
      assertTrue(stats.out().contains(" / 64MiB "), "the memory limit: " + stats.out());
      assertEquals("1", f[f.length - 1], "one process: " + stats.out());
      RawApi.Response one = daemon.api().get("/containers/stats1/stats?stream=false&one-shot=1");
      assertEquals(200, one.status());
      assertEquals(64L << 20, one.json().path("memory_stats").path("limit").asLong(), one.text());
      assertTrue(one.json().path("networks").has("eth0"), one.text());
    } finally {
      docker("rm", "-f", "stats1");
    }
    assertEquals(404, daemon.api().get("/containers/no-such/stats?stream=false").status());
    Result prune = ok("system", "prune", "-f");
    assertTrue(prune.out().contains("Total reclaimed space"), prune.out());
  }

  @Test
  void dockerCli_pauseFreezesTheProcesses_andUnpauseThawsThem() throws Exception {
    importBusybox();
    ok("run", "-d", "--name", "paused1", "cli-busybox:1", "sh", "-c", "while sleep 0.1; do date +%s%N > /tmp/tick; done");
    try {
      ok("exec", "paused1", "sh", "-c", "while [ ! -s /tmp/tick ]; do sleep 0.05; done");
      ok("pause", "paused1");
      assertEquals("paused true true", ok("inspect", "-f", "{{.State.Status}} {{.State.Running}} {{.State.Paused}}",
          "paused1").out().trim());
      assertTrue(ok("ps", "--filter", "status=paused", "--format", "{{.Names}} {{.Status}}").out()
          .matches("(?s)paused1 Up .* \\(Paused\\)\n"), "ps");
      assertTrue(docker("pause", "paused1").err().contains("is already paused"));
      Result exec = docker("exec", "paused1", "true");
      assertTrue(exec.err().contains("is paused, unpause the container before exec"), exec.err());
      Result rm = docker("rm", "paused1");
      assertTrue(rm.err().contains("You cannot remove a paused container"), rm.err());
      // Frozen: the loop writes no new tick while paused.
      Path tick = daemon.dataRoot().resolve("containers")
          .resolve(ok("inspect", "-f", "{{.Id}}", "paused1").out().trim()).resolve("upper/tmp/tick");
      String frozen = Files.readString(tick);
      Thread.sleep(500);
      String still = Files.readString(tick);
      assertEquals(frozen, still, "no tick while frozen");

      ok("unpause", "paused1");
      assertEquals("running", ok("inspect", "-f", "{{.State.Status}}", "paused1").out().trim());
      assertTrue(docker("unpause", "paused1").err().contains("is not paused"));
      ok("exec", "paused1", "true");
      // A paused container stops: the final SIGKILL thaws it.
      ok("pause", "paused1");
      ok("stop", "-t", "1", "paused1");
      assertEquals("exited", ok("inspect", "-f", "{{.State.Status}}", "paused1").out().trim());
    } finally {
      docker("rm", "-f", "paused1");
    }
  }

  @Test
  void dockerCli_importChangesExposeVolumeLabel_reachTheContainer() throws Exception {
    ok("import", "-c", "EXPOSE 80 53/udp", "-c", "VOLUME [\"/data\"]", "-c", "LABEL tier=web note=\"a b\"",
        BusyboxImage.tarball().toString(), "cli-busybox:vol");
    assertEquals("{\"53/udp\":{},\"80/tcp\":{}}",
        ok("image", "inspect", "-f", "{{json .Config.ExposedPorts}}", "cli-busybox:vol").out().trim());
    assertEquals("{\"/data\":{}}",
        ok("image", "inspect", "-f", "{{json .Config.Volumes}}", "cli-busybox:vol").out().trim());
    Result bad = docker("import", "-c", "VOLUME data", BusyboxImage.tarball().toString(), "cli-busybox:bad");
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("invalid volume path \"data\""), bad.err());

    ok("run", "-d", "-P", "--name", "vol", "--label", "note=own", "cli-busybox:vol", "sleep", "600");
    assertEquals("web own", ok("inspect", "-f", "{{.Config.Labels.tier}} {{.Config.Labels.note}}", "vol").out()
        .trim(), "image labels merged, the container's own win");
    String mounts = ok("inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Destination}} {{.Name}}{{end}}", "vol")
        .out().trim();
    assertTrue(mounts.matches("volume /data [0-9a-f]{64}"), "an anonymous volume for the image's VOLUME: " + mounts);
    String port = ok("port", "vol", "80").out();
    assertTrue(port.matches("(?s)0\\.0\\.0\\.0:\\d+\\n.*"), "-P publishes the image's EXPOSE 80: " + port);
    ok("rm", "-f", "-v", "vol");
    assertEquals("", ok("volume", "ls", "-q").out().trim(), "rm -v removes the anonymous volume");
    ok("rmi", "cli-busybox:vol");
  }

  @Test
  void dockerCli_networkContainerMode_sharesTheJoinedContainersNamespaceAndFiles() throws Exception {
    importBusybox();
    ok("network", "create", "cm_net");
    try {
      String web = ok("run", "-d", "--name", "cm_web", "--network", "cm_net", "cli-busybox:1", "httpd", "-f",
          "-p", "8080", "-h", "/etc").out().trim().substring(0, 12);
      Result get = docker("run", "--rm", "--network", "container:cm_web", "cli-busybox:1", "wget", "-qO-",
          "http://127.0.0.1:8080/hostname");
      assertEquals(0, get.code(), get.err());
      assertEquals(web + "\n", get.out(), "the joined container's server answers on the shared loopback");
      Result seen = docker("run", "--rm", "--network", "container:cm_web", "cli-busybox:1", "sh", "-c",
          "hostname; grep nameserver /etc/resolv.conf; nslookup cm_web >/dev/null && echo resolved");
      assertEquals(web + "\nnameserver 127.0.0.11\nresolved\n", seen.out(), seen.err());

      ok("run", "-d", "--name", "cm_side", "--network", "container:cm_web", "cli-busybox:1", "sleep", "600");
      assertEquals("container:cm_web 0", ok("inspect", "-f",
          "{{.HostConfig.NetworkMode}} {{len .NetworkSettings.Networks}}", "cm_side").out().trim());
      Result connect = docker("network", "connect", "cm_net", "cm_side");
      assertTrue(connect.err().contains("cannot be connected to any other network"), connect.err());

      Result ports = docker("run", "--rm", "--network", "container:cm_web", "-p", "9090:80", "cli-busybox:1",
          "true");
      assertTrue(ports.code() != 0 && ports.err().contains(
          "conflicting options: port publishing and the container type network mode"), ports.err());
      // As with Docker, the container to join is looked up at start: create succeeds, start answers 404.
      Result missing = docker("run", "--name", "cm_missing", "--network", "container:cm_nosuch", "cli-busybox:1",
          "true");
      assertTrue(missing.code() != 0 && missing.err().contains("No such container: cm_nosuch"), missing.err());

      ok("stop", "-t", "1", "cm_side");
      ok("stop", "-t", "1", "cm_web");
      Result start = docker("start", "cm_side");
      assertTrue(start.err().contains("cannot join network of a non running container"), start.err());
    } finally {
      docker("rm", "-f", "cm_side", "cm_web", "cm_missing");
      docker("network", "rm", "cm_net");
    }
    assertEquals(List.of(), daemon.netnsFilesLeft());
  }

  @Test
  void dockerCli_hostPortRangeToOneContainerPort_takesTheFirstFreePortOfTheRange() throws Exception {
    importBusybox();
    try {
      ok("run", "-d", "--name", "pr1", "-p", "18000-18001:80", "cli-busybox:1", "sleep", "600");
      ok("run", "-d", "--name", "pr2", "-p", "18000-18001:80", "cli-busybox:1", "sleep", "600");
      assertEquals("0.0.0.0:18000", ok("port", "pr1", "80").out().lines().findFirst().orElse(""));
      assertEquals("0.0.0.0:18001", ok("port", "pr2", "80").out().lines().findFirst().orElse(""));
      Result full = docker("run", "-d", "--name", "pr3", "-p", "18000-18001:80", "cli-busybox:1", "sleep", "600");
      assertTrue(full.code() != 0 && full.err().contains("port is already allocated"), full.err());
    } finally {
      docker("rm", "-f", "pr1", "pr2", "pr3");
    }
  }

  @Test
  void dockerCli_importRunPsLogsExecInspectStopStartWaitRm() throws Exception {
    importBusybox();

    Result fg = docker("run", "--name", "fg", "cli-busybox:1", "sh", "-c", "echo to-out; echo to-err >&2; exit 3");
    assertEquals(3, fg.code(), fg.err());
    assertEquals("to-out\n", fg.out());
    assertTrue(fg.err().contains("to-err"), fg.err());

    Result rm = docker("run", "--rm", "cli-busybox:1", "echo", "gone");
    assertEquals(0, rm.code(), rm.err());
    assertEquals("gone\n", rm.out());

    String id = ok("run", "-d", "--name", "bg", "-e", "WHO=engine", "cli-busybox:1", "sh", "-c",
        "echo hello $WHO; while true; do sleep 0.2; done").out().trim();
    assertEquals(64, id.length(), id);
    assertTrue(ok("ps").out().contains("bg"));
    assertTrue(ok("ps", "-a").out().contains("fg"));
    for (int i = 0; i < 50 && !ok("logs", "bg").out().contains("hello"); i++) {
      Thread.sleep(100);
    }
    assertEquals("hello engine\n", ok("logs", "bg").out());
    Result exec = docker("exec", "bg", "sh", "-c", "echo in-container $WHO; hostname; exit 4");
    assertEquals(4, exec.code(), exec.err());
    assertEquals("in-container engine\n" + id.substring(0, 12) + "\n", exec.out());
    assertEquals("running", ok("inspect", "-f", "{{.State.Status}}", "bg").out().trim());
    assertTrue(ok("top", "bg").out().contains("while true"));
    ok("stop", "-t", "1", "bg");
    assertEquals("137", ok("wait", "bg").out().trim());
    ok("start", "bg");
    assertEquals("true", ok("inspect", "-f", "{{.State.Running}}", "bg").out().trim());
    ok("rm", "-f", "bg");
    ok("rm", "fg");
    assertTrue(docker("inspect", "bg").err().contains("No such"));
    assertEquals("", ok("ps", "-aq").out());
    assertEquals(List.of(), daemon.mountsLeft());
    assertEquals(List.of(), daemon.netnsFilesLeft());
  }
}
