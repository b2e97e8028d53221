package org.enginelite.engine.stack;

import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;

/**
 * A network as a stack wants it (or as it exists): its full name ("getstartedlab_webnet"), driver, options,
 * labels (com.docker.stack.namespace), IPAM subnets. An external network is used, never created.
 */
public record StackNetwork(
    String name,
    String driver,
    Map<String, String> driverOpts,
    Map<String, String> labels,
    boolean attachable,
    boolean internal,
    List<String> subnets,
    boolean external) {

  public StackNetwork {
    if (name == null || name.isBlank()) {
      throw new InvalidParameterException("network needs a name");
    }
    driverOpts = StackMaps.ordered(driverOpts);
    labels = StackMaps.ordered(labels);
    subnets = List.copyOf(subnets == null ? List.of() : subnets);
  }
}
