package org.enginelite.engine.container;

import java.nio.file.Path;
import org.enginelite.kernel.KernelNames;

/**
 * Where a container's files live. Under the data-root (kept): the overlay upper and work dirs, the log, the
 * /etc files. Under the exec-root (runtime only): the OCI bundle with the merged rootfs, runc's pid file, the
 * network namespace pin, and the exit file the supervisor writes when the process ends.
 */
public record ContainerPaths(Path containerDir, Path bundle, Path netns, Path exitFile) {

  public static ContainerPaths of(Path dataRoot, Path execRoot, String id) {
    return new ContainerPaths(dataRoot.resolve("containers").resolve(id), execRoot.resolve("containers").resolve(id),
        execRoot.resolve("netns").resolve(KernelNames.PREFIX + "-" + id.substring(0, 12)),
        execRoot.resolve("exits").resolve(id));
  }

  /** runc's container id: the engine's prefix, so cleanup and {@code runc list} tell engine-lite's apart. */
  public static String runcId(String id) {
    return KernelNames.PREFIX + "-" + id;
  }

  /** The cgroup of a container, relative to each hierarchy's root. */
  public static String cgroupsPath(String id) {
    return "/" + KernelNames.PREFIX + "/" + id;
  }

  public Path upper() {
    return containerDir.resolve("upper");
  }

  public Path work() {
    return containerDir.resolve("work");
  }

  public Path log() {
    return containerDir.resolve("container.log");
  }

  public Path hosts() {
    return containerDir.resolve("hosts");
  }

  public Path hostname() {
    return containerDir.resolve("hostname");
  }

  public Path resolvConf() {
    return containerDir.resolve("resolv.conf");
  }

  public Path rootfs() {
    return bundle.resolve("rootfs");
  }

  /** The FIFO a container with an open stdin reads ({@link ContainerStdin}). */
  public Path stdin() {
    return bundle.resolve("stdin");
  }

  public Path pidFile() {
    return bundle.resolve("pid");
  }

  public Path config() {
    return bundle.resolve("config.json");
  }
}
