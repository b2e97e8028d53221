package org.enginelite.engine.service;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/**
 * CPU and memory limits of a service's tasks, with the parsing rules of Docker's CLI: {@code --limit-cpu 0.1}
 * is a decimal number of CPUs stored as nano-CPUs (opts.NanoCPUs), {@code --limit-memory 50M} a size with
 * binary multipliers (go-units RAMInBytes: 1M = 1024*1024 bytes). Zero means no limit.
 */
public record ResourceLimits(long nanoCpus, long memoryBytes) {

  public static final ResourceLimits NONE = new ResourceLimits(0, 0);
  private static final BigDecimal NANO = BigDecimal.valueOf(1_000_000_000L);
  // go-units sizeRegex for RAMInBytes: number, optional space, unit letter, optional "i", optional "b".
  private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");
  // Each task is a container, and Docker's daemon refuses container memory limits under 6 MiB with this message.
  private static final long MIN_MEMORY = 6L * 1024 * 1024;

  public ResourceLimits {
    if (nanoCpus < 0) {
      throw new InvalidParameterException("CPU limit must not be negative");
    }
    if (memoryBytes < 0) {
      throw new InvalidParameterException("memory limit must not be negative");
    }
    if (memoryBytes > 0 && memoryBytes < MIN_MEMORY) {
      throw new InvalidParameterException("Minimum memory limit allowed is 6MB");
    }
  }

  /** Parses {@code --limit-cpu}: "0.1" gives 100000000 nano-CPUs. */
  public static long parseNanoCpus(String value, String flag) {
    BigDecimal cpus;
    try {
      cpus = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(
          "invalid argument \"" + value + "\" for \"" + flag + "\" flag: failed to parse " + value
              + " as a rational number");
    }
    BigDecimal nanos = cpus.multiply(NANO);
    if (cpus.signum() < 0 || nanos.stripTrailingZeros().scale() > 0) {
      throw new InvalidParameterException(
          "invalid argument \"" + value + "\" for \"" + flag + "\" flag: value is too precise");
    }
    return nanos.longValueExact();
  }

  /** Parses {@code --limit-memory}: "50M" gives 52428800 bytes; a bare number is bytes. */
  public static long parseMemoryBytes(String value, String flag) {
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      throw new InvalidParameterException(
          "invalid argument \"" + value + "\" for \"" + flag + "\" flag: invalid size: '" + value + "'");
    }
    long multiplier = 1;
    if (m.group(2) != null) {
      int power = "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
      multiplier = 1L << (10 * power);
    }
    return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier)).longValue();
  }

  /** The CPU limit as Docker prints it in {@code service inspect --pretty}: "0.1". */
  public String cpusText() {
    return BigDecimal.valueOf(nanoCpus).divide(NANO).stripTrailingZeros().toPlainString();
  }
}
