package org.enginelite.mount;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/** Sizes as Docker reads them ({@code 64m}, {@code 1g}, {@code 512k}, {@code 100}): binary units, as go-units' RAMInBytes. */
public final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  public static long parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new InvalidParameterException("invalid size: '" + text + "'");
    }
    int shift = m.group(2) == null ? 0 : 10 * ("kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1);
    return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift)).longValue();
  }
}
