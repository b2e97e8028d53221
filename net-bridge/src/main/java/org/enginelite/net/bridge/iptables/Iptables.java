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
  private final HostNamespace host;

  public Iptables(HostNamespace host) {
    this.host = host;
  }

  /** The whole ruleset in iptables-save format. */
  public String save() {
    return run(List.of("iptables-save"), null);
  }

  /** Applies {@code input} (iptables-restore format) atomically, keeping every rule it does not mention. */
  public void restore(String input) {
    run(List.of("iptables-restore", "--noflush", "-w", "5"), input);
  }

  private String run(List<String> command, String input) {
    return host.call(() -> {
      Process p;
      try {
        p = new ProcessBuilder(command).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new UnavailableException(command.get(0) + " is not installed: " + e.getMessage(), e);
      }
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      try (OutputStream in = p.getOutputStream()) {
        if (input != null) {
          in.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new InternalException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      String out = output.join();
      if (p.exitValue() != 0) {
        throw new InternalException(command.get(0) + " failed (exit " + p.exitValue() + "): " + out.strip()
            + (input == null ? "" : "\ninput:\n" + input));
      }
      return out;
    });
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
