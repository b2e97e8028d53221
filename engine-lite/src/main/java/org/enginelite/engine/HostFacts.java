package org.enginelite.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What /info and the swarm's node report about the machine the engine runs on. */
public final class HostFacts {

  private HostFacts() {}

  /** The kernel's hostname, or "localhost" when it cannot be read. */
  public static String hostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** MemTotal from /proc/meminfo ("MemTotal:  24551236 kB"), in bytes. */
  public static long memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Unknown capacity is reported as 0, as Docker does when it cannot read it.
    }
    return 0;
  }
}
