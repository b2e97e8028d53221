package org.enginelite.engine.stack;

import java.util.List;
import java.util.Map;

/**
 * One entry of the top-level {@code networks:}.
 *
 * @param driver null when not given (the planner applies the stack default, overlay as in Docker)
 * @param name an explicit name ({@code name:}, or an external network's name), used as is; null for the
 *     stack-prefixed default
 * @param subnets {@code ipam.config[].subnet}
 */
public record ComposeNetwork(
    String key,
    String driver,
    Map<String, String> driverOpts,
    boolean external,
    String name,
    boolean attachable,
    boolean internal,
    Map<String, String> labels,
    List<String> subnets) {

  public ComposeNetwork {
    driverOpts = StackMaps.ordered(driverOpts);
    labels = StackMaps.ordered(labels);
    subnets = List.copyOf(subnets);
  }

  static ComposeNetwork defaults(String key) {
    return new ComposeNetwork(key, null, Map.of(), false, null, false, false, Map.of(), List.of());
  }
}
