package org.enginelite.driver.network;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What a join did inside the container.
 *
 * @param interfaceName the interface as named in the container
 * @param defaultGateway the gateway of the default route the join installed; empty when it installed none
 */
public record JoinInfo(IfName interfaceName, Optional<InetAddress> defaultGateway) {
  public JoinInfo {
    defaultGateway = defaultGateway == null ? Optional.empty() : defaultGateway;
  }
}
