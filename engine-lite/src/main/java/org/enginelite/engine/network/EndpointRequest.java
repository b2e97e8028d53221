package org.enginelite.engine.network;

import java.util.List;
import java.util.Optional;

/**
 * A network a container asks to join at create or connect: {@code --network}, {@code --ip},
 * {@code --network-alias}.
 */
public record EndpointRequest(String networkRef, Optional<String> ipv4Address, List<String> aliases) {
  public EndpointRequest {
    ipv4Address = ipv4Address == null ? Optional.empty() : ipv4Address.filter(s -> !s.isBlank());
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }
}
