package org.enginelite.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command run on a real pseudo-terminal of a given size (util-linux {@code script} makes it), driven as a user
 * at a keyboard: type a line, wait until some text shows, read the exit status.
 */
public final class TerminalSession implements AutoCloseable {
  private final Process process;
  private final OutputStream keyboard;
  private final StringBuffer screen = new StringBuffer();
  private final Thread reader;

  private TerminalSession(Process process) {
    this.process = process;
    this.keyboard = process.getOutputStream();
    this.reader = new Thread(() -> {
      byte[] buf = new byte[4096];
      try (InputStream in = process.getInputStream()) {
        for (int n; (n = in.read(buf)) > 0; ) {
          screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException ignored) {
        // the session ended
      }
    }, "terminal-session");
    reader.setDaemon(true);
    reader.start();
  }

  /** Runs {@code command} (its environment kept) on a terminal of {@code rows} by {@code columns}. */
  public static TerminalSession start(ProcessBuilder command, int rows, int columns) throws IOException {
    StringBuilder line = new StringBuilder("stty rows " + rows + " cols " + columns + "; exec");
    for (String arg : command.command()) {
      line.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qfec", line.toString(), "/dev/null"));
    pb.environment().putAll(command.environment());
    pb.environment().put("SHELL", "/bin/sh");
    return new TerminalSession(pb.redirectErrorStream(true).start());
  }

  /** Types {@code text} on the keyboard. */
  public void type(String text) throws IOException {
    keyboard.write(text.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** Waits until the screen shows {@code text} (at most {@code seconds}); true when it does. */
  public boolean awaitScreen(String text, double seconds) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      if (screen.indexOf(text) >= 0) {
        return true;
      }
      Thread.sleep(20);
    }
    return screen.indexOf(text) >= 0;
  }

  /**
   * Types {@code line} again every half second until the screen shows {@code expected} (at most 50 times): for
   * answers that may be stale at first, such as the size before the client's resize arrived.
   */
  public boolean retypeUntilShown(String line, String expected) throws IOException, InterruptedException {
    for (int i = 0; i < 50; i++) {
      type(line);
      if (awaitScreen(expected, 0.5)) {
        return true;
      }
    }
    return false;
  }

  /** Everything shown so far. */
  public String screen() {
    return screen.toString();
  }

  /** Waits for the command to end (at most 60 s) and returns its exit status. */
  public int exitStatus() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the terminal session did not end; it shows:\n" + screen);
    }
    reader.join(5000);
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
