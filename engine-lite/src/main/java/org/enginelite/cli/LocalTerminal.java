package org.enginelite.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The user's own terminal while a container's TTY is attached, as the docker CLI handles it: raw and without
 * local echo (the container's terminal echoes and edits lines), its size sent to the daemon, and its settings
 * restored afterwards. stty does the work: the JDK has no termios.
 */
public final class LocalTerminal implements AutoCloseable {
  private static final File TTY = new File("/dev/tty");

  private final String saved;

  private LocalTerminal(String saved) {
    this.saved = saved;
  }

  /** True when {@code in} is this process's standard input and that is a terminal. */
  public static boolean isTerminal(InputStream in) {
    if (in != System.in) {
      return false;
    }
    try {
      String fd0 = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
      return fd0.startsWith("/dev/pts/") || fd0.startsWith("/dev/tty") || fd0.startsWith("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Puts the terminal in raw mode until {@link #close()}; does nothing when {@code in} is not a terminal. */
  public static LocalTerminal raw(InputStream in) {
    if (!isTerminal(in)) {
      return new LocalTerminal(null);
    }
    Optional<String> settings = stty("-g");
    if (settings.isEmpty() || stty("raw", "-echo").isEmpty()) {
      return new LocalTerminal(null);
    }
    return new LocalTerminal(settings.get().trim());
  }

  /** The terminal's size as {@code h=ROWS&w=COLUMNS} for the resize endpoints, when there is a terminal. */
  public Optional<String> sizeQuery() {
    if (saved == null) {
      return Optional.empty();
    }
    return stty("size").map(String::trim).filter(s -> s.matches("\\d+ \\d+"))
        .map(s -> "h=" + s.substring(0, s.indexOf(' ')) + "&w=" + s.substring(s.indexOf(' ') + 1));
  }

  @Override
  public void close() {
    if (saved != null) {
      stty(saved);
    }
  }

  private static Optional<String> stty(String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = "stty";
    System.arraycopy(args, 0, argv, 1, args.length);
    try {
      Process p = new ProcessBuilder(argv).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
