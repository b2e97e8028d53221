package org.enginelite.engine.stack;

import java.util.Map;

/**
 * One entry of the top-level {@code volumes:}.
 *
 * @param driver null when not given (local)
 * @param name an explicit name, used as is; null for the stack-prefixed default
 */
public record ComposeVolume(
    String key, String driver, Map<String, String> driverOpts, boolean external, String name,
    Map<String, String> labels) {

  public ComposeVolume {
    driverOpts = StackMaps.ordered(driverOpts);
    labels = StackMaps.ordered(labels);
  }

  static ComposeVolume defaults(String key) {
    return new ComposeVolume(key, null, Map.of(), false, null, Map.of());
  }
}
