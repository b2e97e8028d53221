package org.enginelite.engine.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable maps that keep the file's order (Map.copyOf would not), for stable output and diffs. */
final class StackMaps {

  private StackMaps() {}

  static <K, V> Map<K, V> ordered(Map<K, V> m) {
    return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
