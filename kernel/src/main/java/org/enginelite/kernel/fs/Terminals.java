package org.enginelite.kernel.fs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.enginelite.kernel.KernelException;
import org.enginelite.kernel.LibC;

/**
 * Pseudo-terminals from the outside: which one a process holds, and their window size. A container with a TTY
 * runs under a runtime whose own terminal it mirrors, so resizing that terminal resizes the container's.
 */
public final class Terminals {
  private static final long TIOCGWINSZ = 0x5413;
  private static final long TIOCSWINSZ = 0x5414;

  /** A window size in character cells. */
  public record Size(int rows, int columns) {
    public Size {
      if (rows < 0 || rows > 0xFFFF || columns < 0 || columns > 0xFFFF) {
        throw new IllegalArgumentException("a terminal size is 0 to 65535 cells: " + rows + "x" + columns);
      }
    }
  }

  private Terminals() {}

  /** The first pseudo-terminal ({@code /dev/pts/N}) among the open files of process {@code pid}. */
  public static Optional<Path> heldBy(long pid) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds) {
        try {
          Path target = Files.readSymbolicLink(fd);
          if (target.startsWith("/dev/pts/") && target.getNameCount() == 3) {
            return Optional.of(target);
          }
        } catch (IOException e) {
          // closed while listed
        }
      }
    } catch (IOException e) {
      return Optional.empty(); // the process is gone
    }
    return Optional.empty();
  }

  /** Sets the window size of {@code tty}; the kernel signals its foreground process group (SIGWINCH). */
  public static void resize(Path tty, Size size) {
    withTerminal(tty, fd -> {
      short[] winsize = {(short) size.rows(), (short) size.columns(), 0, 0};
      if (LibC.INSTANCE.ioctl(fd, TIOCSWINSZ, winsize) != 0) {
        throw new KernelException("ioctl TIOCSWINSZ", tty, LibC.errno());
      }
      return null;
    });
  }

  /** The window size of {@code tty}. */
  public static Size size(Path tty) {
    return withTerminal(tty, fd -> {
      short[] winsize = new short[4];
      if (LibC.INSTANCE.ioctl(fd, TIOCGWINSZ, winsize) != 0) {
        throw new KernelException("ioctl TIOCGWINSZ", tty, LibC.errno());
      }
      return new Size(Short.toUnsignedInt(winsize[0]), Short.toUnsignedInt(winsize[1]));
    });
  }

  private interface FdCall<T> {
    T apply(int fd);
  }

  private static <T> T withTerminal(Path tty, FdCall<T> call) {
    int fd = LibC.INSTANCE.open(tty.toString(), LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
    if (fd < 0) {
      throw new KernelException("open", tty, LibC.errno());
    }
    try {
      return call.apply(fd);
    } finally {
      LibC.INSTANCE.close(fd);
    }
  }
}
