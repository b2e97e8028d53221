package org.enginelite.kernel.sysctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.network.IfName;

/**
 * Kernel parameters under /proc/sys. Network parameters belong to the network namespace of the thread that opens
 * the file, so calling these inside {@code NetNs.run} reads and writes that namespace's values.
 */
public final class Sysctl {
  private static final Path ROOT = Path.of("/proc/sys");

  private Sysctl() {}

  /** The value of {@code key} ("net.ipv4.ip_forward"), trimmed; empty when the parameter does not exist. */
  public static Optional<String> get(String key) {
    try {
      return Optional.of(Files.readString(path(key), StandardCharsets.US_ASCII).trim());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new InternalException("sysctl " + key + ": " + e.getMessage(), e);
    }
  }

  /** Sets {@code key} to {@code value} unless it already has it (a write is a syscall; a read is cheaper). */
  public static void set(String key, String value) {
    if (get(key).filter(value::equals).isPresent()) {
      return;
    }
    try {
      Files.writeString(path(key), value, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new InternalException("sysctl " + key + "=" + value + ": " + e, e);
    }
  }

  /** net.ipv4.ip_forward=1: the host routes between its bridges and the outside. */
  public static void enableIpForward() {
    set("net.ipv4.ip_forward", "1");
  }

  /**
   * net.ipv4.conf.IF.route_localnet=1: packets from 127.0.0.0/8 may be routed out of IF, which DNAT of the host's
   * loopback to a container needs (ip-sysctl.rst, route_localnet).
   */
  public static void enableRouteLocalnet(IfName link) {
    set("net/ipv4/conf/" + link.value() + "/route_localnet", "1");
  }

  private static Path path(String key) {
    if (!key.matches("[A-Za-z0-9_.\\-/]+") || key.contains("..")) {
      throw new IllegalArgumentException("bad sysctl key " + key);
    }
    // Dots separate levels, but interface names may contain dots too: "net.ipv4.conf.eth0.1.x" is ambiguous, so
    // callers with such names pass slashes ("net/ipv4/conf/eth0.1/x").
    return ROOT.resolve(key.contains("/") ? key : key.replace('.', '/'));
  }
}
