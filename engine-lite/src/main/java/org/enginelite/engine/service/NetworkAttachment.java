package org.enginelite.engine.service;

import java.util.List;
import org.enginelite.driver.InvalidParameterException;

/**
 * A network a service's tasks join, with the extra DNS names the service answers to there. A stack's service
 * gets its short compose name as an alias ("redis" for getstartedlab_redis), as docker stack deploy does, so
 * the compose file's own names resolve.
 */
public record NetworkAttachment(String network, List<String> aliases) {

  public NetworkAttachment {
    if (network == null || network.isBlank()) {
      throw new InvalidParameterException("network attachment needs a network name");
    }
    aliases = List.copyOf(aliases == null ? List.of() : aliases);
  }

  public static NetworkAttachment of(String network) {
    return new NetworkAttachment(network, List.of());
  }
}
