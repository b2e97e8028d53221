package org.enginelite.kernel.mount;

import static org.enginelite.kernel.mount.MountFlags.MS_BIND;
import static org.enginelite.kernel.mount.MountFlags.MS_REC;
import static org.enginelite.kernel.mount.MountFlags.MS_REMOUNT;
import static org.enginelite.kernel.mount.MountFlags.MS_RDONLY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jnr.constants.platform.Errno;
import org.enginelite.kernel.KernelException;
import org.enginelite.kernel.LibC;

/**
 * mount(2) and umount2(2) for the engine: overlay root filesystems, bind mounts of volumes and namespace files,
 * tmpfs. Every failure is a {@link KernelException} naming the call, the target and the errno.
 */
public final class Mounts {
  /** umount2(2): lazy detach, so a mount still busy in another namespace goes away when its last user does. */
  public static final int MNT_DETACH = 2;

  private Mounts() {}

  public static void mount(String source, Path target, String fsType, long flags, String data) {
    if (LibC.INSTANCE.mount(source, target.toString(), fsType, flags, data) != 0) {
      throw new KernelException("mount", describe(source, target, fsType), LibC.errno());
    }
  }

  public static void bind(Path source, Path target, boolean recursive) {
    mount(source.toString(), target, null, MS_BIND | (recursive ? MS_REC : 0), null);
  }

  /** A bind mount is made read-only by a second, remounting call (mount(2), "Creating a bind mount"). */
  public static void remountReadOnly(Path target, long keepFlags) {
    mount(null, target, null, MS_REMOUNT | MS_BIND | MS_RDONLY | keepFlags, null);
  }

  /** Changes propagation, e.g. {@code MS_PRIVATE | MS_REC}. */
  public static void setPropagation(Path target, long propagationFlags) {
    mount(null, target, null, propagationFlags, null);
  }

  public static void tmpfs(Path target, long flags, String options) {
    mount("tmpfs", target, "tmpfs", flags, options);
  }

  /** Overlayfs with the lower directories listed top-most first, as overlayfs expects. */
  public static void overlay(List<Path> lowerDirs, Path upperDir, Path workDir, Path target) {
    String lower = lowerDirs.stream().map(Path::toString).collect(Collectors.joining(":"));
    mount("overlay", target, "overlay", 0,
        "lowerdir=" + lower + ",upperdir=" + upperDir + ",workdir=" + workDir);
  }

  /**
   * Unmounts {@code target}. Returns false when nothing was mounted there (EINVAL) or the path is gone
   * (ENOENT), so removing is safe to repeat.
   */
  public static boolean unmount(Path target, boolean detach) {
    if (LibC.INSTANCE.umount2(target.toString(), detach ? MNT_DETACH : 0) == 0) {
      return true;
    }
    int errno = LibC.errno();
    if (errno == Errno.EINVAL.intValue() || errno == Errno.ENOENT.intValue()) {
      return false;
    }
    throw new KernelException("umount2", target, errno);
  }

  /** Unmounts every mount at or below {@code top}, deepest first. */
  public static void unmountTree(Path top, boolean detach) {
    Path norm = top.toAbsolutePath().normalize();
    list().stream()
        .map(MountInfo::mountPoint)
        .filter(p -> p.startsWith(norm))
        .sorted((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()))
        .forEach(p -> unmount(p, detach));
  }

  public static List<MountInfo> list() {
    try {
      return MountInfoParser.parse(Files.readAllLines(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/mountinfo", e);
    }
  }

  /** The topmost mount at exactly {@code path}, if any. */
  public static Optional<MountInfo> find(Path path) {
    Path norm = path.toAbsolutePath().normalize();
    List<MountInfo> all = list();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).mountPoint().equals(norm)) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  public static boolean isMountPoint(Path path) {
    return find(path).isPresent();
  }

  private static String describe(String source, Path target, String fsType) {
    return (fsType != null ? fsType + " " : "") + (source != null ? source + " on " : "") + target;
  }
}
