package org.enginelite.engine.container;

import java.nio.file.Path;
import java.util.Optional;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.kernel.fs.Terminals;

/**
 * Docker's resize of a TTY: runc mirrors the size of its own terminal into the container's, so the size is set
 * on that outer terminal, which the {@code script} process above runc holds; the kernel then signals runc
 * (SIGWINCH), which passes the size on.
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

  /**
   * Resizes the outer terminal of process {@code pid}: the one held by {@code pid} itself or its nearest
   * ancestor that is {@code script}. Ancestors, because runc's intermediate processes come and go while a
   * container starts; never the process's own terminal, which is the container's. Nothing when there is none.
   */
  static void apply(long pid, Terminals.Size size) throws InterruptedException {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    for (int depth = 0; depth < 8 && p.isPresent(); depth++, p = p.flatMap(ProcessHandle::parent)) {
      if (p.get().info().command().filter(c -> c.endsWith("/script")).isPresent()) {
        awaitTerminal(p.get()).ifPresent(tty -> Terminals.resize(tty, size));
        return;
      }
    }
  }

  /** script's terminal; a client resizes right after the start, which may come before script has opened it. */
  private static Optional<Path> awaitTerminal(ProcessHandle script) throws InterruptedException {
    for (int i = 0; i < 200 && script.isAlive(); i++) {
      Optional<Path> tty = Terminals.heldBy(script.pid());
      if (tty.isPresent()) {
        return tty;
      }
      Thread.sleep(10);
    }
    return Optional.empty();
  }
}
