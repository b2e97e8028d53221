package org.enginelite.kernel.mount;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses /proc/self/mountinfo lines; fields are space-separated with spaces inside paths escaped as \040. */
final class MountInfoParser {
  private MountInfoParser() {}

  static List<MountInfo> parse(List<String> lines) {
    List<MountInfo> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      if (!line.isBlank()) {
        out.add(parseLine(line));
      }
    }
    return out;
  }

  static MountInfo parseLine(String line) {
    String[] f = line.split(" ");
    int dash = Arrays.asList(f).indexOf("-");
    if (dash < 6 || f.length < dash + 4) {
      throw new IllegalArgumentException("malformed mountinfo line: " + line);
    }
    List<String> optional = List.of(Arrays.copyOfRange(f, 6, dash));
    return new MountInfo(Integer.parseInt(f[0]), Integer.parseInt(f[1]), unescape(f[3]),
        Path.of(unescape(f[4])), f[5], optional, f[dash + 1], unescape(f[dash + 2]), f[dash + 3]);
  }

  /** The kernel escapes space, tab, newline and backslash as three octal digits (fs/proc_namespace.c). */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1)) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
