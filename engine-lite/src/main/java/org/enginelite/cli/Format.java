package org.enginelite.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import org.enginelite.engine.service.HumanDuration;

/** How the docker CLI shortens ids, truncates text and prints sizes and ages. */
public final class Format {

  private Format() {}

  /** "sha256:4f3c..." or a 64-hex id as its first 12 hex digits. */
  public static String shortId(String id) {
    if (id == null) {
      return "";
    }
    int colon = id.indexOf(':');
    String hex = colon >= 0 ? id.substring(colon + 1) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }

  /** Text cut to {@code max} characters, the last one an ellipsis (docker's formatter.Ellipsis). */
  public static String ellipsis(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** Decimal sizes with three significant digits: "4.86MB" (go-units HumanSizeWithPrecision(size, 3)). */
  public static String humanSize(double bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    int i = 0;
    while (bytes >= 1000 && i < units.length - 1) {
      bytes /= 1000;
      i++;
    }
    BigDecimal d = new BigDecimal(bytes).round(new MathContext(3));
    return d.stripTrailingZeros().toPlainString() + units[i];
  }

  /** "3 minutes ago" for a time in Unix seconds. */
  public static String ago(long epochSeconds) {
    return HumanDuration.of(Duration.between(Instant.ofEpochSecond(epochSeconds), Instant.now())) + " ago";
  }

  /** "3 minutes ago" for an RFC 3339 time, as the API gives for volumes, networks and tasks. */
  public static String ago(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return "";
    }
    try {
      return HumanDuration.of(Duration.between(Instant.parse(rfc3339), Instant.now())) + " ago";
    } catch (RuntimeException e) {
      return rfc3339;
    }
  }
}
