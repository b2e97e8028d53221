package org.enginelite.mount;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * tmpfs options: {@code --tmpfs /path:opts} as given and {@code --mount type=tmpfs} as {@code TmpfsOptions}.
 * Every container tmpfs starts {@code noexec,nosuid,nodev} as in Docker; a later {@code exec} wins. Unknown
 * options are refused here rather than by mount(2) inside runc.
 */
public final class TmpfsOptionsParser {
  private static final List<String> DEFAULTS = List.of("noexec", "nosuid", "nodev");
  private static final Set<String> FLAGS = Set.of("ro", "rw", "exec", "noexec", "suid", "nosuid", "dev", "nodev",
      "atime", "noatime", "diratime", "nodiratime", "relatime", "norelatime", "strictatime", "sync", "async",
      "dirsync", "mand", "nomand", "defaults");
  private static final Set<String> DATA = Set.of("size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");

  private TmpfsOptionsParser() {}

  /** One {@code HostConfig.Tmpfs} entry: target and its comma-separated options. */
  public static TmpfsPlan parseTmpfs(String target, String options) {
    String clean = Targets.check("tmpfs", target);
    List<String> out = new ArrayList<>(DEFAULTS);
    boolean ro = false;
    if (options != null && !options.isEmpty()) {
      for (String opt : options.split(",", -1)) {
        String key = opt.contains("=") ? opt.substring(0, opt.indexOf('=')) : opt;
        if (!(opt.contains("=") ? DATA.contains(key) : FLAGS.contains(key))) {
          throw new MountConfigException("Invalid tmpfs option \"" + opt + "\"");
        }
        if (key.equals("size")) {
          checkSize(opt.substring(5));
        }
        ro = opt.equals("ro") || (ro && !opt.equals("rw"));
        out.add(opt);
      }
    }
    return new TmpfsPlan(clean, out, ro, false);
  }

  /** A {@code --mount type=tmpfs} entry with its typed options. */
  static TmpfsPlan fromMountSpec(String target, MountSpec.TmpfsOptions tmpfs, boolean readOnly) {
    List<String> out = new ArrayList<>(DEFAULTS);
    if (tmpfs != null && tmpfs.sizeBytes() < 0) {
      throw MountConfigException.forType("tmpfs", "invalid tmpfs size: " + tmpfs.sizeBytes());
    }
    if (tmpfs != null && tmpfs.sizeBytes() > 0) {
      // Docker rounds up to KiB, the unit tmpfs reports in.
      out.add("size=" + ((tmpfs.sizeBytes() + 1023) / 1024) + "k");
    }
    if (tmpfs != null && tmpfs.mode() != 0) {
      if ((tmpfs.mode() & ~07777) != 0) {
        throw MountConfigException.forType("tmpfs", "invalid tmpfs mode: " + Integer.toOctalString(tmpfs.mode()));
      }
      out.add("mode=" + Integer.toOctalString(tmpfs.mode()));
    }
    if (readOnly) {
      out.add("ro");
    }
    return new TmpfsPlan(target, out, readOnly, true);
  }

  private static void checkSize(String size) {
    if (!size.matches("\\d+[kKmMgG%]?")) {
      throw new MountConfigException("Invalid tmpfs option \"size=" + size + "\"");
    }
  }
}
