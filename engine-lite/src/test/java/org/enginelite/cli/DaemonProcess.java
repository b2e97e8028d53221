package org.enginelite.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real daemon started the way bin/engine-lite starts it (the packaged jar and its runtime libraries), on a
 * temporary data-root, exec-root and socket. {@link #close()} stops it and removes what is left under the
 * temporary root: mounts first, then files.
 */
final class DaemonProcess implements AutoCloseable {

  private static final Path TARGET = Path.of("target").toAbsolutePath();

  private final Path root;
  private final Path socket;
  private final Path log;
  private final Process process;

  private DaemonProcess(Path root, Process process) {
    this.root = root;
    this.socket = root.resolve("run/engine.sock");
    this.log = root.resolve("daemon.log");
    this.process = process;
  }

  static DaemonProcess start() throws Exception {
    Path root = Files.createTempDirectory("el-cli-it-");
    Files.createDirectories(root.resolve("run"));
    List<String> cmd = new ArrayList<>(List.of("java", "-cp",
        TARGET.resolve("engine-lite-0.1.0-SNAPSHOT.jar") + ":" + TARGET.resolve("lib") + "/*",
        "org.enginelite.engine.EngineDaemon", "--data-root", root.resolve("data").toString(),
        "--exec-root", root.resolve("exec").toString(), "-H", "unix://" + root.resolve("run/engine.sock")));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(root.resolve("daemon.log").toFile()).start();
    DaemonProcess d = new DaemonProcess(root, p);
    DaemonClient client = new DaemonClient(EngineHost.parse(d.uri()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!client.ping()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        String out = Files.exists(d.log) ? Files.readString(d.log) : "";
        d.close();
        throw new IllegalStateException("daemon did not answer on " + d.socket + ":\n" + out);
      }
      Thread.sleep(100);
    }
    return d;
  }

  String uri() {
    return "unix://" + socket;
  }

  Path root() {
    return root;
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    unmountUnder(root);
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Unmounts every mount under {@code dir}, deepest first (netns pins, overlays, tmpfs a run may leave). */
  private static void unmountUnder(Path dir) throws IOException, InterruptedException {
    List<String> mounts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
      String target = line.split(" ")[1].replace("\\040", " ");
      if (target.startsWith(dir.toString() + "/")) {
        mounts.add(target);
      }
    }
    mounts.sort(Comparator.comparingInt(String::length).reversed());
    for (String m : mounts) {
      new ProcessBuilder("umount", "-l", m).inheritIO().start().waitFor();
    }
  }
}
