package org.enginelite.volume.local;

import java.nio.file.Path;
import org.enginelite.driver.volume.LocalVolumeOptions;
import org.enginelite.kernel.mount.MountFlags;
import org.enginelite.kernel.mount.Mounts;

/**
 * Mounts a volume's {@code type/o/device} over its {@code _data} folder on the host, and takes it down again.
 * A bind is made read-only by a second call because mount(2) ignores MS_RDONLY on the first bind.
 */
final class VolumeHostMount {
  private VolumeHostMount() {}

  static void mount(LocalVolumeOptions options, Path data) {
    HostMountOptions parsed = HostMountOptions.parse(options.mountOptions());
    if (options.isBind()) {
      long flags = parsed.flags() | MountFlags.MS_BIND;
      Mounts.mount(options.device(), data, null, flags & ~MountFlags.MS_RDONLY, null);
      if (parsed.isReadOnly()) {
        try {
          Mounts.remountReadOnly(data, flags & (MountFlags.MS_NOSUID | MountFlags.MS_NODEV | MountFlags.MS_NOEXEC));
        } catch (RuntimeException e) {
          Mounts.unmount(data, true);
          throw e;
        }
      }
      return;
    }
    Mounts.mount(options.device(), data, options.type(), parsed.flags(), parsed.data());
  }

  static void unmount(Path data) {
    while (Mounts.isMountPoint(data)) {
      if (!Mounts.unmount(data, true)) {
        return;
      }
    }
  }
}
