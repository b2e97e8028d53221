package org.enginelite.engine.spi;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.enginelite.driver.InvalidParameterException;

/** Time values as Docker's API writes and reads them. */
public final class Timestamps {
  private Timestamps() {}

  /** The {@code until} of prune: a Unix timestamp, an RFC 3339 time or a Go duration before now (10m, 24h). */
  public static Instant parseUntil(String until) {
    try {
      if (until.matches("\\d+(\\.\\d+)?")) {
        double seconds = Double.parseDouble(until);
        return Instant.ofEpochSecond((long) seconds, (long) ((seconds % 1) * 1e9));
      }
      if (until.matches("\\d+[smh]")) {
        long n = Long.parseLong(until.substring(0, until.length() - 1));
        Duration d = switch (until.charAt(until.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
        return Instant.now().minus(d);
      }
      return Instant.parse(until);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new InvalidParameterException("invalid filter 'until=" + until + "'");
    }
  }
}
