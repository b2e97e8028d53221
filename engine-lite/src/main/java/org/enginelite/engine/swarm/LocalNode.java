package org.enginelite.engine.swarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the one node reports about itself: hostname and capacity, read once from /proc. */
public record LocalNode(String hostname, long nanoCpus, long memoryBytes, String engineVersion) {

  public static LocalNode probe(String engineVersion) {
    return new LocalNode(readHostname(), Runtime.getRuntime().availableProcessors() * 1_000_000_000L, memTotal(),
        engineVersion);
  }

  private static String readHostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** MemTotal from /proc/meminfo ("MemTotal:  24551236 kB"), in bytes. */
  private static long memTotal() {
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
