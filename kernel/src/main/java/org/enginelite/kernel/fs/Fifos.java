package org.enginelite.kernel.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.enginelite.kernel.KernelException;
import org.enginelite.kernel.LibC;

/** Named pipes (mkfifo(3)): how a container's stdin reaches it from the daemon without the daemon as parent. */
public final class Fifos {
  private static final int EEXIST = 17;
  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;

  private Fifos() {}

  /** Creates a FIFO at {@code path} with mode 0600, or keeps the FIFO already there. */
  public static void create(Path path) {
    if (LibC.INSTANCE.mkfifo(path.toString(), 0600) != 0) {
      int errno = LibC.errno();
      if (errno != EEXIST || !isFifo(path)) {
        throw new KernelException("mkfifo", path, errno);
      }
    }
  }

  /** True when {@code path} is a FIFO (not following a symlink). */
  public static boolean isFifo(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & S_IFMT) == S_IFIFO;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
