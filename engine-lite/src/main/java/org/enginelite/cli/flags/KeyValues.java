package org.enginelite.cli.flags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.CliException;

/** {@code key=value} flags ({@code --label}, {@code -o}, {@code --opt}); a bare key has an empty value. */
public final class KeyValues {

  private KeyValues() {}

  public static Map<String, String> parse(List<String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    if (values != null) {
      values.forEach(v -> put(out, v));
    }
    return out;
  }

  /** As parse, but a value is required ({@code --aux-address a=10.0.0.5}). */
  public static Map<String, String> parseStrict(List<String> values, String flag) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String v : values == null ? List.<String>of() : values) {
      if (v.indexOf('=') <= 0) {
        throw new CliException("invalid argument \"" + v + "\" for \"" + flag + "\" flag: bad format " + v);
      }
      put(out, v);
    }
    return out;
  }

  static void put(Map<String, String> out, String v) {
    int eq = v.indexOf('=');
    if (eq == 0) {
      throw new CliException("invalid key=value \"" + v + "\": empty key");
    }
    if (eq < 0) {
      out.put(v, "");
    } else {
      out.put(v.substring(0, eq), v.substring(eq + 1));
    }
  }
}
