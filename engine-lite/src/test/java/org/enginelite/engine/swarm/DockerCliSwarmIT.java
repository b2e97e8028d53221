package org.enginelite.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.engine.testing.LoopbackHttp;
import org.enginelite.engine.testing.TestDaemon;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unmodified docker CLI's swarm, service and stack verbs against the engine's socket, as in the seeds'
 * tutorial. Requests to published ports are made inside the daemon's network namespace.
 */
@Privileged
class DockerCliSwarmIT {

  private static final Pattern HOSTNAME = Pattern.compile("Hostname:</b> (\\S+)<br/>");

  private TestDaemon daemon;

  record Result(int code, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    daemon = TestDaemon.start();
    AppImage.importInto(daemon);
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private Result docker(String... args) throws Exception {
    ProcessBuilder pb = daemon.dockerCli(args);
    Path err = Files.createTempFile("el-docker-", ".err");
    try {
      Process p = pb.redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("docker " + String.join(" ", args) + " hung");
      }
      return new Result(p.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** Runs {@code docker service logs -f SERVICE} until a line containing {@code text} arrives (30 s at most). */
  private boolean followedLogsReach(String service, String text) throws Exception {
    ProcessBuilder pb = daemon.dockerCli("service", "logs", "-f", service)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8)).lines().forEach(lines::add));
    reader.setDaemon(true);
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null && line.contains(text)) {
          return p.isAlive();
        }
      }
      return false;
    } finally {
      p.destroyForcibly();
    }
  }

  private Result ok(String... args) throws Exception {
    Result r = docker(args);
    assertEquals(0, r.code(), "docker " + String.join(" ", args) + ": " + r.err() + "\n" + daemon.log());
    return r;
  }

  @Test
  void dockerCli_swarmInitServiceCreateLsPsLogsRm() throws Exception {
    Result before = docker("service", "ls");
    assertEquals(1, before.code());
    assertTrue(before.err().contains("This node is not a swarm manager."), before.err());

    Result init = ok("swarm", "init");
    assertTrue(init.out().startsWith("Swarm initialized: current node ("), init.out());
    assertTrue(init.out().contains("docker swarm join --token SWMTKN-1-"), init.out());
    assertTrue(ok("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}").out()
        .startsWith("active true"));
    assertTrue(ok("node", "ls").out().contains("Leader"));

    // Without -d the CLI follows the tasks until they converge, as with Docker.
    String id = ok("service", "create", "--name", "web", "--replicas", "3", "-p", "4000:80",
        "--limit-cpu", "0.5", "--limit-memory", "64M", "engine-lite/getstarted:latest").out().trim();
    assertTrue(id.lines().anyMatch(l -> l.matches("[0-9a-z]{25}")), id);

    String ls = ok("service", "ls").out();
    assertTrue(ls.lines().anyMatch(l -> l.matches(
        "[0-9a-z]{12} +web +replicated +3/3 +engine-lite/getstarted:latest +\\*:4000->80/tcp")), ls);
    String ps = ok("service", "ps", "web").out();
    for (int slot = 1; slot <= 3; slot++) {
      int s = slot;
      assertTrue(ps.lines().anyMatch(l -> l.matches("[0-9a-z]{12} +web\\." + s + " .* Running +Running .*")), ps);
    }

    Set<String> hostnames = new HashSet<>();
    NetNs.open(daemon.netns()).run(() -> {
      for (int i = 0; i < 3; i++) {
        Matcher m = HOSTNAME.matcher(LoopbackHttp.get(4000));
        assertTrue(m.find());
        hostnames.add(m.group(1));
      }
      return null;
    });
    assertEquals(3, hostnames.size(), "three requests, three tasks: " + hostnames);

    ok("service", "scale", "web=1");
    assertTrue(ok("service", "ls").out().contains(" 1/1 "));

    ok("service", "create", "-d", "--name", "echo", "engine-lite/getstarted:latest", "sh", "-c",
        "echo hello from the task; sleep 600");
    String logs = "";
    for (int i = 0; i < 50 && !logs.contains("hello from the task"); i++) {
      Thread.sleep(200);
      logs = ok("service", "logs", "echo").out();
    }
    assertTrue(logs.matches("(?s)echo\\.1\\.[0-9a-z]+@\\S+ +\\| hello from the task\\n"), logs);

    // -f follows: started before the task runs, it shows lines the task prints later, and keeps running.
    ok("service", "create", "-d", "--name", "ticker", "engine-lite/getstarted:latest", "sh", "-c",
        "i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done");
    assertTrue(followedLogsReach("ticker", "| tick 3"), "service logs -f streams the task's new lines");

    ok("service", "rm", "web", "echo", "ticker");
    assertEquals(1, ok("service", "ls").out().lines().count());
    assertEquals("", ok("ps", "-aq").out().trim(), "task containers are removed with their service");
    Result gone = docker("service", "inspect", "web");
    assertTrue(gone.err().contains("no such service: web") || gone.err().contains("not found"), gone.err());
  }

  @Test
  void dockerCli_stackDeployLsServicesPsRm() throws Exception {
    ok("swarm", "init");
    Path compose = repoRoot().resolve("examples/getstartedlab/docker-compose.yml");
    String deployed = ok("stack", "deploy", "-c", compose.toString(), "getstartedlab").out();
    assertTrue(deployed.contains("Creating network getstartedlab_webnet"), deployed);
    assertTrue(deployed.contains("Creating service getstartedlab_web"), deployed);
    assertTrue(ok("stack", "ls").out().lines().anyMatch(l -> l.matches("getstartedlab +2")));
    String services = "";
    for (int i = 0; i < 300 && !(services.contains(" 5/5 ") && services.contains(" 1/1 ")); i++) {
      Thread.sleep(200);
      services = ok("stack", "services", "getstartedlab").out();
    }
    assertTrue(services.contains(" 5/5 ") && services.contains(" 1/1 "), services);
    assertEquals(7, ok("stack", "ps", "getstartedlab").out().lines().count(), "a header and six tasks");

    String removed = ok("stack", "rm", "getstartedlab").out();
    assertTrue(removed.contains("Removing service getstartedlab_web"), removed);
    assertTrue(removed.contains("Removing network getstartedlab_webnet"), removed);
    assertEquals("", ok("ps", "-aq").out().trim());
    assertTrue(ok("volume", "ls", "-q").out().contains("getstartedlab_redis-data"), "volumes stay");
    ok("swarm", "leave", "--force");
    assertTrue(ok("info", "--format", "{{.Swarm.LocalNodeState}}").out().startsWith("inactive"));
  }

  private static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.exists(p.resolve("examples/getstartedlab/docker-compose.yml"))) {
      p = p.getParent();
    }
    return p;
  }
}
