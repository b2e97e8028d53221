package org.enginelite.mount;

import java.nio.file.Path;

/** Container paths: absolute, normalized, never {@code /}. */
final class Targets {
  private Targets() {}

  /** Validates {@code target} for a mount of {@code type}; returns its normalized form. */
  static String check(String type, String target) {
    if (target.isEmpty()) {
      throw MountConfigException.forType(type, "field Target must not be empty");
    }
    if (!target.startsWith("/")) {
      throw MountConfigException.forType(type, "invalid mount path: '" + target + "' mount path must be absolute");
    }
    String clean = Path.of(target).normalize().toString();
    if (clean.equals("/")) {
      throw MountConfigException.forType(type, "invalid specification: destination can't be '/'");
    }
    return clean;
  }

  /** Validates a host path given as a bind source; returns its normalized form. */
  static String checkSource(String source) {
    if (source.isEmpty()) {
      throw MountConfigException.forType("bind", "field Source must not be empty");
    }
    if (!source.startsWith("/")) {
      throw MountConfigException.forType("bind", "invalid mount path: '" + source + "' mount path must be absolute");
    }
    return Path.of(source).normalize().toString();
  }
}
