package org.enginelite.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The get-started image as real containers under runc, the way the engine will run the stack's tasks: a redis
 * container and a web container with the compose file's limits (0.1 CPU, 50M), both joined to a network
 * namespace the test creates, so all traffic stays in it. The page names the web container's own hostname.
 */
@Privileged
class AppImageRuncTest {

  private static final Path SCRIPT =
      Path.of("").toAbsolutePath().getParent().resolve("bin/lib/make-app-rootfs.sh");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;
  private Path rootfs;
  private String netns;
  private String address;
  private final List<String> containers = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    dir = Files.createTempDirectory("el-app-runc-");
    rootfs = dir.resolve("rootfs");
    var random = ThreadLocalRandom.current();
    String suffix = Integer.toHexString(random.nextInt(1 << 24));
    netns = "el-t-" + suffix;
    address = "10.251." + random.nextInt(256) + ".1";
  }

  @AfterEach
  void tearDown() throws Exception {
    for (String id : containers) {
      exec(List.of("runc", "delete", "-f", id));
    }
    exec(List.of("ip", "netns", "del", netns));
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void webAndRedisContainers_pageShowsContainerHostnameAndCounts() throws Exception {
    run("bash", SCRIPT.toString(), dir.resolve("app.tar").toString(), rootfs.toString());
    run("ip", "netns", "add", netns);
    run("ip", "netns", "exec", netns, "ip", "link", "set", "lo", "up");
    run("ip", "netns", "exec", netns, "ip", "addr", "add", address + "/32", "dev", "lo");
    // The engine would bind-mount its own /etc/hosts; here the shared rootfs carries the name.
    Files.writeString(rootfs.resolve("etc/hosts"), address + "\tredis\n", StandardOpenOption.APPEND);

    startContainer("redis", List.of("/usr/bin/redis-server", "--appendonly", "yes", "--dir", "/data"), 0, 0);
    startContainer("web-1", List.of("/usr/bin/app-web"), 52_428_800L, 10_000);

    String url = "http://" + address + "/";
    assertEquals("<h3>Hello World!</h3><b>Hostname:</b> web-1<br/><b>Visits:</b> 1", awaitPage(url));
    assertEquals("<h3>Hello World!</h3><b>Hostname:</b> web-1<br/><b>Visits:</b> 2", curl(url));
  }

  /** Writes a bundle from {@code runc spec} joined to the test's netns, and runs it detached. */
  private void startContainer(String hostname, List<String> args, long memory, long cpuQuota) throws Exception {
    String id = netns + "-" + hostname;
    Path bundle = dir.resolve("bundle-" + hostname);
    Files.createDirectories(bundle);
    run("runc", "spec", "--bundle", bundle.toString());
    ObjectNode config = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
    ObjectNode process = (ObjectNode) config.get("process");
    process.put("terminal", false);
    ArrayNode argv = process.putArray("args");
    args.forEach(argv::add);
    config.put("hostname", hostname);
    config.putObject("root").put("path", rootfs.toString()).put("readonly", false);
    ObjectNode linux = (ObjectNode) config.get("linux");
    for (var ns : linux.get("namespaces")) {
      if (ns.get("type").asText().equals("network")) {
        ((ObjectNode) ns).put("path", "/var/run/netns/" + netns);
      }
    }
    ObjectNode resources = (ObjectNode) linux.get("resources");
    if (memory > 0) {
      resources.putObject("memory").put("limit", memory);
    }
    if (cpuQuota > 0) {
      resources.putObject("cpu").put("quota", cpuQuota).put("period", 100_000);
    }
    JSON.writeValue(bundle.resolve("config.json").toFile(), config);
    containers.add(id);
    // Detached: the container keeps runc's stdio, so it goes to files rather than pipes this JVM would wait on.
    File log = dir.resolve(hostname + ".log").toFile();
    Process p = new ProcessBuilder("runc", "run", "-d", "--bundle", bundle.toString(), id)
        .redirectErrorStream(true).redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File(
            "/dev/null"))).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "runc run timed out");
    assertEquals(0, p.exitValue(), "runc run " + id + ": " + Files.readString(log.toPath()));
  }

  private String awaitPage(String url) throws Exception {
    for (int i = 0; i < 100; i++) {
      String page = curl(url);
      if (page.contains("<b>Visits:</b> 1")) {
        return page;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the web container never counted a visit: " + curl(url));
  }

  private String curl(String url) throws Exception {
    Process p = new ProcessBuilder("ip", "netns", "exec", netns, "curl", "-s", "--max-time", "5", url).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
    assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + out);
  }

  private static void exec(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(30, TimeUnit.SECONDS);
  }
}
