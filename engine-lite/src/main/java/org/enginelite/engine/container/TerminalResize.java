package org.enginelite.engine.container;

import org.enginelite.driver.InvalidParameterException;
import org.enginelite.kernel.fs.Terminals;

/**
 * Docker's resize of a TTY: runc mirrors the size of its own terminal into the container's, so the size is set
 * on the terminal the runtime process holds; the kernel then signals runc (SIGWINCH), which passes it on.
 */
final class TerminalResize {
  private TerminalResize() {}

  /** Checks Docker's {@code h} and {@code w} query values. */
  static Terminals.Size size(int rows, int columns) {
    try {
      return new Terminals.Size(rows, columns);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(e.getMessage());
    }
  }

  /** Resizes the terminal held by runtime process {@code pid}; nothing when it holds none or is gone. */
  static void apply(long pid, Terminals.Size size) {
    Terminals.heldBy(pid).ifPresent(tty -> Terminals.resize(tty, size));
  }
}
