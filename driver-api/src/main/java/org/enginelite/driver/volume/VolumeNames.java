package org.enginelite.driver.volume;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/**
 * Docker's rule for volume names, {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}: no slash and no leading dot, so no name
 * can reach outside the volumes folder. Anonymous volumes get 64 random hex digits.
 */
public final class VolumeNames {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Pattern ANONYMOUS = Pattern.compile("[0-9a-f]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private VolumeNames() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /** Returns {@code name} when valid; otherwise throws with Docker's message. */
  public static String check(String name) {
    if (!isValid(name)) {
      throw new InvalidParameterException("create " + name + ": \"" + name + "\" includes invalid characters for a"
          + " local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host"
          + " directory, use absolute path");
    }
    return name;
  }

  public static String anonymousName() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** True for names shaped like the ones {@link #anonymousName()} makes. */
  public static boolean looksAnonymous(String name) {
    return name != null && ANONYMOUS.matcher(name).matches();
  }
}
