package org.enginelite.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bin/lib/make-app-rootfs.sh builds the get-started image: its redis-server and web page run in a chroot of the
 * tree, inside a network namespace of the test's own (all traffic stays there). Redis listens on a non-loopback
 * address of that namespace, as it would for web replicas on other containers.
 */
@Privileged
class AppRootfsScriptTest {

  private static final Path SCRIPT =
      Path.of("").toAbsolutePath().getParent().resolve("bin/lib/make-app-rootfs.sh");
  private static final String HELLO = "<h3>Hello World!</h3><b>Hostname:</b> %s<br/><b>Visits:</b> %s";
  private static final String NO_REDIS = "<i>cannot connect to Redis, counter disabled</i>";

  private Path dir;
  private Path root;
  private String netns;
  private String address;
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    dir = Files.createTempDirectory("el-app-rootfs-");
    root = dir.resolve("root");
    var random = ThreadLocalRandom.current();
    netns = "el-t-" + Integer.toHexString(random.nextInt(1 << 24));
    address = "10.250." + random.nextInt(256) + ".1";
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    new ProcessBuilder("ip", "netns", "del", netns).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void script_sameInputs_sameTarAndImageConfigBytes() throws Exception {
    run("bash", SCRIPT.toString(), dir.resolve("a.tar").toString(), root.toString());
    run("bash", SCRIPT.toString(), dir.resolve("b.tar").toString());
    assertEquals(sha256(dir.resolve("a.tar")), sha256(dir.resolve("b.tar")));
    // Same config bytes, so the same image id; its one layer is the tar.
    assertEquals(sha256(dir.resolve("a.config.json")), sha256(dir.resolve("b.config.json")));
    String config = Files.readString(dir.resolve("a.config.json"));
    assertTrue(config.contains("\"diff_ids\":[\"sha256:" + sha256(dir.resolve("a.tar")) + "\"]"), config);
    assertTrue(config.contains("\"Cmd\":[\"/usr/bin/app-web\"]"), config);
    String listing = run("tar", "-tvf", dir.resolve("a.tar").toString());
    assertTrue(listing.contains("0/0") && !listing.contains("root/root"), "numeric owners");
    assertTrue(listing.contains("./usr/bin/redis-server") && listing.contains("./bin/busybox"));
  }

  @Test
  void rootfs_redisAndWebPage_workInAChroot() throws Exception {
    run("bash", SCRIPT.toString(), dir.resolve("app.tar").toString(), root.toString());
    assertTrue(run("chroot", root.toString(), "/usr/bin/redis-server", "--version").startsWith("Redis server v="));

    run("ip", "netns", "add", netns);
    inNetns("ip", "link", "set", "lo", "up");
    inNetns("ip", "addr", "add", address + "/32", "dev", "lo");
    Files.writeString(root.resolve("etc/hosts"), address + "\tredis\n", java.nio.file.StandardOpenOption.APPEND);
    String hostname = run("chroot", root.toString(), "hostname").trim();

    assertEquals(String.format(HELLO, hostname, NO_REDIS), page(), "no Redis yet");

    Process redis = spawn("ip", "netns", "exec", netns, "chroot", root.toString(), "/usr/bin/redis-server",
        "--port", "6379", "--dir", "/data", "--appendonly", "yes");
    awaitRedis();
    assertEquals(String.format(HELLO, hostname, 1), page());
    assertEquals(String.format(HELLO, hostname, 2), page());

    spawn("ip", "netns", "exec", netns, "chroot", root.toString(), "env", "PORT=8080", "/usr/bin/app-web");
    assertEquals(String.format(HELLO, hostname, 3), awaitHttp("http://" + address + ":8080/"));

    redis.destroy();
    assertTrue(redis.waitFor(10, TimeUnit.SECONDS));
    assertTrue(Files.isDirectory(root.resolve("data/appendonlydir")), "append-only file kept in /data");
    assertEquals(String.format(HELLO, hostname, NO_REDIS), page(), "Redis gone");
  }

  /** The CGI script's body (after the header block), run as httpd would run it. */
  private String page() throws Exception {
    String out = inNetns("chroot", root.toString(), "env", "REQUEST_METHOD=GET", "/www/cgi-bin/index.cgi");
    int body = out.indexOf("\r\n\r\n");
    assertTrue(out.startsWith("Content-Type: text/html"), out);
    return out.substring(body + 4);
  }

  private void awaitRedis() throws Exception {
    for (int i = 0; i < 100; i++) {
      Process p = new ProcessBuilder("ip", "netns", "exec", netns, "chroot", root.toString(), "sh", "-c",
          "printf 'PING\\r\\nQUIT\\r\\n' | nc " + address + " 6379").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      if (out.contains("+PONG")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("redis-server never answered PING in " + netns);
  }

  private String awaitHttp(String url) throws Exception {
    for (int i = 0; i < 100; i++) {
      Process p = new ProcessBuilder("ip", "netns", "exec", netns, "chroot", root.toString(), "wget", "-qO-", url)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return out;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("httpd never answered " + url);
  }

  private String inNetns(String... command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns));
    cmd.addAll(List.of(command));
    return run(cmd.toArray(String[]::new));
  }

  private Process spawn(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("proc-" + processes.size() + ".log").toFile()).start();
    processes.add(p);
    return p;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
    assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + out);
    return out;
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
