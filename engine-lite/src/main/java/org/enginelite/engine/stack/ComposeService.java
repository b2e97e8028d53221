package org.enginelite.engine.stack;

import java.util.List;
import java.util.Map;
import org.enginelite.engine.service.PublishedPort;
import org.enginelite.engine.service.ServiceMount;

/**
 * One entry of {@code services:}. Named volume sources and network names are the file's own names; the
 * {@link StackPlanner} prefixes them with the stack name.
 *
 * @param command empty when the image's default command is used
 * @param networks empty when the service uses the stack's default network
 * @param line where the service is declared
 */
public record ComposeService(
    String name,
    String image,
    List<String> command,
    Map<String, String> environment,
    List<PublishedPort> ports,
    List<ServiceNetwork> networks,
    List<ServiceMount> volumes,
    ComposeDeploy deploy,
    int line) {

  public ComposeService {
    command = List.copyOf(command);
    environment = StackMaps.ordered(environment);
    ports = List.copyOf(ports);
    networks = List.copyOf(networks);
    volumes = List.copyOf(volumes);
  }
}
