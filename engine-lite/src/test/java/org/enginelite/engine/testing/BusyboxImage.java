package org.enginelite.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A busybox image for tests: the project's bin/lib/make-busybox-rootfs.sh makes the rootfs tarball from
 * Debian's busybox-static once per test JVM, and {@link #importInto} imports it through the API.
 */
public final class BusyboxImage {
  private static Path tarball;

  private BusyboxImage() {}

  /** The rootfs tarball (made on first use, deleted when the JVM exits). */
  public static synchronized Path tarball() throws IOException, InterruptedException {
    if (tarball == null) {
      Path script = repoRoot().resolve("bin/lib/make-busybox-rootfs.sh");
      Path out = Files.createTempFile("el-busybox-", ".tar");
      out.toFile().deleteOnExit();
      Process p = new ProcessBuilder("bash", script.toString(), out.toString()).redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("make-busybox-rootfs.sh failed: " + log);
      }
      tarball = out;
    }
    return tarball;
  }

  /** Imports the busybox rootfs as {@code repo:tag}; returns the image id. */
  public static String importInto(TestDaemon daemon, String repo, String tag)
      throws IOException, InterruptedException {
    byte[] tar = Files.readAllBytes(tarball());
    RawApi.Response r = daemon.api().postBytes("/v1.41/images/create?fromSrc=-&repo=" + repo + "&tag=" + tag,
        tar, "application/x-tar");
    if (r.status() != 200) {
      throw new IOException("import failed: " + r.status() + " " + r.text());
    }
    return daemon.api().get("/v1.41/images/" + repo + ":" + tag + "/json").json().path("Id").asText();
  }

  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("bin/lib/common.sh"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
