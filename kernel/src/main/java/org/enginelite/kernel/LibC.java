package org.enginelite.kernel;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;

/**
 * Raw libc calls, C names and C semantics (return -1 and set errno). Only facades in this module call it, and
 * they turn every failure into a {@link KernelException}: no int or errno escapes the module.
 */
public interface LibC {
  LibC INSTANCE = LibraryLoader.create(LibC.class).load("c");

  int mount(@In String source, @In String target, @In String filesystemtype, long mountflags, @In String data);

  int umount2(@In String target, int flags);

  int unshare(int flags);

  int setns(int fd, int nstype);

  int open(@In String pathname, int flags);

  int close(int fd);

  int mkfifo(@In String pathname, int mode);

  /** ioctl(2) on a struct of unsigned shorts ({@code struct winsize}), copied in and back out. */
  int ioctl(int fd, long request, short[] arg);

  @IgnoreError
  int getpid();

  /** errno of the last call made on this thread through these bindings. */
  static int errno() {
    return Runtime.getRuntime(INSTANCE).getLastError();
  }

  // Flag values from <fcntl.h> and <sched.h> on Linux (identical on x86_64 and aarch64).
  int O_RDONLY = 0;
  int O_RDWR = 2;
  int O_NOCTTY = 0400;
  int O_CLOEXEC = 02000000;
  int CLONE_NEWNET = 0x40000000;
  int CLONE_NEWNS = 0x00020000;
}
