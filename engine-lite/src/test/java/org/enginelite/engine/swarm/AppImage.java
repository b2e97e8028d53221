package org.enginelite.engine.swarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.enginelite.engine.testing.RawApi;
import org.enginelite.engine.testing.TestDaemon;

/** The get-started app image (bin/lib/make-app-rootfs.sh), built once per test run and imported on demand. */
final class AppImage {

  static final String REPO = "engine-lite/getstarted";
  private static Path tarball;

  private AppImage() {}

  static synchronized Path tarball() throws IOException, InterruptedException {
    if (tarball == null) {
      Path dir = Files.createTempDirectory("el-app-image-");
      // deleteOnExit runs in reverse order of registration: the directory last, once its files are gone.
      dir.toFile().deleteOnExit();
      Path tar = dir.resolve("getstarted.tar");
      tar.toFile().deleteOnExit();
      dir.resolve("getstarted.config.json").toFile().deleteOnExit();
      Path root = Path.of("").toAbsolutePath();
      while (!Files.exists(root.resolve("bin/lib/make-app-rootfs.sh"))) {
        root = root.getParent();
      }
      Process p = new ProcessBuilder(root.resolve("bin/lib/make-app-rootfs.sh").toString(), tar.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("make-app-rootfs.sh failed: " + out);
      }
      tarball = tar;
    }
    return tarball;
  }

  /** Imports the image as engine-lite/getstarted:latest with the image's default command. */
  static void importInto(TestDaemon daemon) throws IOException, InterruptedException {
    RawApi.Response r = daemon.api().postBytes("/v1.41/images/create?fromSrc=-&repo=" + REPO + "&tag=latest"
        + "&changes=" + java.net.URLEncoder.encode("CMD [\"app-web\"]", java.nio.charset.StandardCharsets.UTF_8),
        Files.readAllBytes(tarball()), "application/x-tar");
    if (r.status() != 200 || r.text().contains("\"error\"")) {
      throw new IOException("import failed: " + r.status() + " " + r.text());
    }
  }
}
