package org.enginelite.kernel.mount;

/** mount(2) flags from {@code <sys/mount.h>}; umount2(2) flags are in {@link Mounts}. */
public final class MountFlags {
  public static final long MS_RDONLY = 1;
  public static final long MS_NOSUID = 2;
  public static final long MS_NODEV = 4;
  public static final long MS_NOEXEC = 8;
  public static final long MS_REMOUNT = 32;
  public static final long MS_NOATIME = 1024;
  public static final long MS_BIND = 4096;
  public static final long MS_REC = 16384;
  public static final long MS_PRIVATE = 1 << 18;
  public static final long MS_SLAVE = 1 << 19;
  public static final long MS_SHARED = 1 << 20;

  private MountFlags() {}
}
