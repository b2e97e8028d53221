package org.enginelite.net.bridge.iptables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.UnavailableException;
import org.enginelite.net.bridge.HostNamespace;

/**
 * Runs the iptables tools in the driver's host namespace: {@code iptables-save} to read, {@code iptables-restore
 * --noflush -w} to change several rules and chains in one transaction (one fork instead of one per rule).
 */
public final class Iptables {
  private static final long TIMEOUT_SECONDS = 60;
  private static final List<String> RESTORE = List.of("iptables-restore", "--noflush", "-w", "5");
  private final HostNamespace host;

  public Iptables(HostNamespace host) {
    this.host = host;
  }

  /** The whole ruleset in iptables-save format. */
  public String save() {
    return host.call(() -> {
      Process p = start(List.of("iptables-save"));
      p.getOutputStream().close();
      // The ruleset can outgrow a pipe's buffer: read it while the child writes.
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      awaitExit(p, "iptables-save");
      if (p.exitValue() != 0) {
        throw new InternalException("iptables-save failed (exit " + p.exitValue() + "): " + output.join().strip());
      }
      return output.join();
    });
  }

  /** Applies {@code input} (iptables-restore format) atomically, keeping every rule it does not mention. */
  public void restore(String input) {
    startRestore(input).await();
  }

  /**
   * Starts {@link #restore}: the child process has its input and goes on by itself while the caller does other
   * work; {@link Restore#await()} waits for it and throws its failure.
   */
  public Restore startRestore(String input) {
    Process p = host.call(() -> {
      Process started = start(RESTORE);
      try (OutputStream in = started.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        started.destroyForcibly();
        throw e;
      }
      return started;
    });
    return new Restore(p, input);
  }

  /** An iptables-restore under way. */
  public static final class Restore {
    private final Process process;
    private final String input;

    private Restore(Process process, String input) {
      this.process = process;
      this.input = input;
    }

    /** Waits for the restore to end; a failure names the tool's message and the input. */
    public void await() {
      // Its output is an error message at most, which the pipe holds until the child has exited: read it after.
      awaitExit(process, "iptables-restore");
      String out = readAll(process.getInputStream());
      if (process.exitValue() != 0) {
        throw new InternalException("iptables-restore failed (exit " + process.exitValue() + "): " + out.strip()
            + "\ninput:\n" + input);
      }
    }
  }

  private static Process start(List<String> command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UnavailableException(command.get(0) + " is not installed: " + e.getMessage(), e);
    }
  }

  private static void awaitExit(Process p, String tool) {
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new InternalException(tool + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InternalException(tool + " was interrupted", e);
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
