package org.enginelite.kernel.mount;

import java.nio.file.Path;
import java.util.List;

/**
 * One line of /proc/self/mountinfo (proc(5)): where it is mounted, what it is, and its propagation fields
 * ({@code shared:N}, {@code master:N}; none means private).
 */
public record MountInfo(
    int mountId, int parentId, String root, Path mountPoint, String options, List<String> propagation,
    String fsType, String source, String superOptions) {
  public MountInfo {
    propagation = List.copyOf(propagation);
  }

  public boolean isShared() {
    return propagation.stream().anyMatch(p -> p.startsWith("shared:"));
  }
}
