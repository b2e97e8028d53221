package org.enginelite.engine.stack;

import java.util.List;
import org.enginelite.engine.service.ServiceSpec;

/**
 * A stack's objects: what a compose file asks for ({@link StackPlanner#plan}), or what exists now with the
 * stack's namespace label (the integrator lists them from the engine), in creation order.
 */
public record StackResources(List<StackNetwork> networks, List<StackVolume> volumes, List<ServiceSpec> services) {

  public StackResources {
    networks = List.copyOf(networks);
    volumes = List.copyOf(volumes);
    services = List.copyOf(services);
  }

  public static final StackResources EMPTY = new StackResources(List.of(), List.of(), List.of());
}
