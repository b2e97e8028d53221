package org.enginelite.engine.container;

import java.nio.file.Files;
import java.nio.file.Path;
import org.enginelite.driver.InvalidParameterException;

/**
 * Checks, before runc is asked, that the command exists in the container's rootfs, so a typo fails the start
 * with Docker's message instead of a process that dies at once. Symlinks are followed inside the rootfs.
 */
final class Executables {
  private Executables() {}

  static void check(Path rootfs, ContainerSpec spec) {
    if (spec.args().isEmpty()) {
      throw new InvalidParameterException("No command specified");
    }
    String cmd = spec.args().get(0);
    if (cmd.contains("/")) {
      String abs = cmd.startsWith("/") ? cmd
          : (spec.workingDir().isEmpty() ? "/" : spec.workingDir() + "/") + cmd;
      if (!existsInRoot(rootfs, abs)) {
        throw notFound(cmd, "no such file or directory");
      }
      return;
    }
    String path = spec.env().stream().filter(e -> e.startsWith("PATH=")).map(e -> e.substring(5)).findFirst()
        .orElse("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && existsInRoot(rootfs, dir + "/" + cmd)) {
        return;
      }
    }
    throw notFound(cmd, "executable file not found in $PATH");
  }

  private static InvalidParameterException notFound(String cmd, String why) {
    return new InvalidParameterException("failed to create task for container: OCI runtime create failed: "
        + "unable to start container process: exec: \"" + cmd + "\": " + why);
  }

  /** Resolves {@code abs} as the container would see it, following at most 40 symlinks. */
  static boolean existsInRoot(Path rootfs, String abs) {
    String current = abs;
    for (int hops = 0; hops < 40; hops++) {
      Path resolved = resolveParents(rootfs, current);
      if (resolved == null) {
        return false;
      }
      if (!Files.isSymbolicLink(resolved)) {
        return Files.exists(resolved);
      }
      try {
        String target = Files.readSymbolicLink(resolved).toString();
        current = target.startsWith("/") ? target
            : rootfs.relativize(resolved.getParent()).toString().isEmpty() ? "/" + target
            : "/" + rootfs.relativize(resolved.getParent()) + "/" + target;
      } catch (java.io.IOException e) {
        return false;
      }
    }
    return false;
  }

  /** The path under rootfs with its directory components' symlinks resolved inside the rootfs. */
  private static Path resolveParents(Path rootfs, String abs) {
    Path p = rootfs;
    String[] parts = abs.split("/");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        p = p.equals(rootfs) ? rootfs : p.getParent();
        continue;
      }
      p = p.resolve(part);
      if (i < parts.length - 1 && Files.isSymbolicLink(p)) {
        try {
          String target = Files.readSymbolicLink(p).toString();
          Path base = target.startsWith("/") ? rootfs : p.getParent();
          Path next = resolveParents(rootfs, target.startsWith("/") ? target
              : "/" + rootfs.relativize(base) + "/" + target);
          if (next == null) {
            return null;
          }
          p = next;
        } catch (java.io.IOException e) {
          return null;
        }
      }
    }
    return p;
  }
}
