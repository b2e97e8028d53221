package org.enginelite.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.enginelite.engine.EngineDaemon;
import org.enginelite.kernel.mount.MountInfo;
import org.enginelite.kernel.mount.Mounts;
import org.enginelite.kernel.ns.NetNs;

/**
 * A real engine daemon for root integration tests: the {@link EngineDaemon} main in its own JVM (this test's
 * class path) on a temporary data-root, exec-root and socket, inside a network namespace of its own so its
 * bridges and iptables rules never meet those of other daemons on the machine. {@link #kill9()} and
 * {@link #restart()} exercise recovery; {@link #close()} removes every container, unmounts, and deletes the
 * namespace and the directories, also after a failed test.
 *
 * <pre>try (TestDaemon d = TestDaemon.start()) { d.api().get("/v1.41/containers/json"); }</pre>
 */
public final class TestDaemon implements AutoCloseable {
  private final Path dir;
  private final Path netns;
  private final RawApi api;
  private Process process;

  private TestDaemon(Path dir, Path netns) {
    this.dir = dir;
    this.netns = netns;
    this.api = new RawApi(socket());
  }

  /** Starts a daemon in a fresh network namespace (loopback up) and waits until it answers /_ping. */
  public static TestDaemon start() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("el-td-");
    Path netns = dir.resolve("netns");
    TestDaemon d = null;
    try {
      NetNs.create(netns);
      run("nsenter", "--net=" + netns, "--", "ip", "link", "set", "lo", "up");
      d = new TestDaemon(dir, netns);
      d.launch();
      return d;
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (d != null) {
        d.close();
      } else {
        NetNs.delete(netns);
        deleteTree(dir);
      }
      throw e;
    }
  }

  public Path dataRoot() {
    return dir.resolve("data");
  }

  public Path execRoot() {
    return dir.resolve("exec");
  }

  public Path socket() {
    return dir.resolve("engine.sock");
  }

  /** For DOCKER_HOST / ENGINE_LITE_HOST. */
  public String host() {
    return "unix://" + socket();
  }

  /** The unmodified docker CLI pointed at this daemon, with a client config of its own. */
  public ProcessBuilder dockerCli(String... args) {
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Files.exists(Path.of("/usr/local/bin/docker")) ? "/usr/local/bin/docker" : "docker");
    cmd.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DOCKER_HOST", host());
    pb.environment().put("DOCKER_CONFIG", dataRoot().resolveSibling("docker-config").toString());
    return pb;
  }

  /** The network namespace the daemon runs in; run host-side checks there with {@code nsenter --net=}. */
  public Path netns() {
    return netns;
  }

  public RawApi api() {
    return api;
  }

  /** The daemon's output so far (for assertion messages). */
  public String log() {
    try {
      return Files.readString(dir.resolve("daemon.log"));
    } catch (IOException e) {
      return "";
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown of any kind, as after a crash. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait: the clean shutdown (containers keep running). */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Stops the daemon if it runs (SIGTERM) and starts a new one on the same roots. */
  public void restart() throws IOException, InterruptedException {
    if (isAlive()) {
      stop();
    }
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of("nsenter", "--net=" + netns, "--", java, "-cp",
        System.getProperty("java.class.path"), EngineDaemon.class.getName(),
        "--data-root", dataRoot().toString(), "--exec-root", execRoot().toString(), "-H", host());
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("daemon exited with " + process.exitValue() + ": " + log());
      }
      if (Files.exists(socket())) {
        try {
          if (api.get("/_ping").status() == 200) {
            return;
          }
        } catch (RuntimeException notYet) {
          // socket bound but not yet serving
        }
      }
      Thread.sleep(20);
    }
    throw new IOException("daemon did not answer /_ping within 60 s: " + log());
  }

  /** Container ids the engine has files for (live or left behind). */
  public List<String> containerIdsOnDisk() throws IOException {
    Path containers = dataRoot().resolve("containers");
    if (!Files.isDirectory(containers)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(containers)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** Mounts below this daemon's directories (rootfs overlays, netns pins), excluding its own namespace pin. */
  public List<Path> mountsLeft() {
    return Mounts.list().stream().map(MountInfo::mountPoint)
        .filter(p -> p.startsWith(dir) && !p.equals(netns)).toList();
  }

  /** Files under exec-root/netns: namespace pins of containers. */
  public List<Path> netnsFilesLeft() throws IOException {
    Path d = execRoot().resolve("netns");
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }

  /** Names in {@code runc list} that belong to containers of this daemon (runc id el-&lt;container id&gt;). */
  public List<String> runcContainersLeft(List<String> containerIds) throws IOException, InterruptedException {
    String out = run("runc", "list", "-q");
    List<String> left = new ArrayList<>();
    for (String line : out.split("\n")) {
      String id = line.trim();
      if (id.startsWith("el-") && containerIds.contains(id.substring(3))) {
        left.add(id);
      }
    }
    return left;
  }

  /** Removes every container, stops the daemon, then sweeps what a crashed test may have left. */
  @Override
  public void close() {
    List<String> ids = new ArrayList<>();
    try {
      if (isAlive()) {
        for (JsonNode c : api.get("/v1.41/containers/json?all=1").json()) {
          ids.add(c.path("Id").asText());
          api.delete("/v1.41/containers/" + c.path("Id").asText() + "?force=1&v=1");
        }
        stop();
      }
      ids.addAll(containerIdsOnDisk());
      for (String id : ids) {
        if (Files.exists(Path.of("/run/runc", "el-" + id))) {
          run("runc", "delete", "--force", "el-" + id);
        }
      }
    } catch (Exception e) {
      System.err.println("TestDaemon cleanup: " + e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
      Mounts.unmountTree(dir, true);
      NetNs.delete(netns);
      deleteTree(dir);
    }
  }

  static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  private static void deleteTree(Path dir) {
    try {
      new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString()).start().waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      System.err.println("cannot delete " + dir + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
