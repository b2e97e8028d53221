package org.enginelite.volume.local;

import static org.enginelite.kernel.mount.MountFlags.MS_BIND;
import static org.enginelite.kernel.mount.MountFlags.MS_NOATIME;
import static org.enginelite.kernel.mount.MountFlags.MS_NODEV;
import static org.enginelite.kernel.mount.MountFlags.MS_NOEXEC;
import static org.enginelite.kernel.mount.MountFlags.MS_NOSUID;
import static org.enginelite.kernel.mount.MountFlags.MS_RDONLY;
import static org.enginelite.kernel.mount.MountFlags.MS_REC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits the {@code o=} entries of a local volume into mount(2) flags and the filesystem's data string, as
 * mount(8) does: {@code ro,nosuid,bind} become flags, {@code size=64m,uid=1000} stay data for the filesystem.
 *
 * @param flags the mount(2) flags
 * @param data comma-joined filesystem options, or null when there are none
 */
record HostMountOptions(long flags, String data) {
  private static final Map<String, Long> SET = Map.of(
      "ro", MS_RDONLY, "nosuid", MS_NOSUID, "nodev", MS_NODEV, "noexec", MS_NOEXEC, "noatime", MS_NOATIME,
      "bind", MS_BIND, "rbind", MS_BIND | MS_REC);
  private static final Map<String, Long> CLEAR = Map.of(
      "rw", MS_RDONLY, "suid", MS_NOSUID, "dev", MS_NODEV, "exec", MS_NOEXEC, "atime", MS_NOATIME);

  static HostMountOptions parse(List<String> entries) {
    long flags = 0;
    List<String> data = new ArrayList<>();
    for (String entry : entries) {
      if (SET.containsKey(entry)) {
        flags |= SET.get(entry);
      } else if (CLEAR.containsKey(entry)) {
        flags &= ~CLEAR.get(entry);
      } else if (!entry.equals("defaults")) {
        data.add(entry);
      }
    }
    return new HostMountOptions(flags, data.isEmpty() ? null : String.join(",", data));
  }

  boolean isBind() {
    return (flags & MS_BIND) != 0;
  }

  boolean isReadOnly() {
    return (flags & MS_RDONLY) != 0;
  }
}
