package org.enginelite.engine.stack;

import java.util.Map;
import java.util.function.BiConsumer;
import org.enginelite.driver.InvalidParameterException;

/**
 * Compose variable substitution in values: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} (unset or
 * empty), {@code ${VAR-default}} (unset), {@code ${VAR:?message}} / {@code ${VAR?message}} (required), and
 * {@code $$} for a literal dollar. An unset variable without default becomes empty with Docker's warning.
 */
final class Interpolator {

  private final Map<String, String> env;
  private final String fileName;
  private BiConsumer<Integer, String> unset = (line, message) -> {};

  Interpolator(Map<String, String> env, String fileName) {
    this.env = Map.copyOf(env);
    this.fileName = fileName;
  }

  void onUnset(BiConsumer<Integer, String> listener) {
    this.unset = listener;
  }

  /** Substitutes variables in {@code text}, a value at {@code path} on {@code line}. */
  String apply(String text, int line, String path) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
      } else if (text.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          throw invalid(text, line, path);
        }
        out.append(braced(text.substring(i + 2, close), text, line, path));
        i = close + 1;
      } else {
        int end = i + 1;
        while (end < text.length() && isNameChar(text.charAt(end), end == i + 1)) {
          end++;
        }
        if (end == i + 1) {
          throw invalid(text, line, path);
        }
        out.append(lookup(text.substring(i + 1, end), line));
        i = end;
      }
    }
    return out.toString();
  }

  private String braced(String expr, String text, int line, String path) {
    int n = 0;
    while (n < expr.length() && isNameChar(expr.charAt(n), n == 0)) {
      n++;
    }
    if (n == 0) {
      throw invalid(text, line, path);
    }
    String name = expr.substring(0, n);
    String rest = expr.substring(n);
    String value = env.get(name);
    if (rest.isEmpty()) {
      return lookup(name, line);
    }
    if (rest.startsWith(":-")) {
      return value == null || value.isEmpty() ? rest.substring(2) : value;
    }
    if (rest.startsWith("-")) {
      return value == null ? rest.substring(1) : value;
    }
    if (rest.startsWith(":?") || rest.startsWith("?")) {
      boolean missing = rest.startsWith(":?") ? value == null || value.isEmpty() : value == null;
      if (missing) {
        String why = rest.substring(rest.startsWith(":?") ? 2 : 1);
        throw new InvalidParameterException(fileName + " line " + line + ": required variable " + name
            + " is missing a value" + (why.isEmpty() ? "" : ": " + why));
      }
      return value;
    }
    throw invalid(text, line, path);
  }

  private String lookup(String name, int line) {
    String value = env.get(name);
    if (value == null) {
      unset.accept(line, "The " + name + " variable is not set. Defaulting to a blank string.");
      return "";
    }
    return value;
  }

  private InvalidParameterException invalid(String text, int line, String path) {
    return new InvalidParameterException(fileName + " line " + line + ": invalid interpolation format for "
        + path + ": \"" + text + "\"; you may need to escape any $ with another $");
  }

  private static boolean isNameChar(char c, boolean first) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
  }
}
