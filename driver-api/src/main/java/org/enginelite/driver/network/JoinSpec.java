package org.enginelite.driver.network;

import java.nio.file.Path;
import org.enginelite.driver.InvalidParameterException;

/**
 * Puts an endpoint into a container.
 *
 * @param netns the file the container's network namespace is pinned at (a bind mount of its nsfs inode)
 * @param interfaceName the name inside the container: eth0 for its first network, eth1 for the next, ...
 * @param defaultGateway true for the container's first network: its default route goes via this gateway
 */
public record JoinSpec(EndpointSpec endpoint, Path netns, IfName interfaceName, boolean defaultGateway) {

  public JoinSpec {
    if (endpoint == null) {
      throw new InvalidParameterException("join needs an endpoint");
    }
    if (netns == null) {
      throw new InvalidParameterException("join of endpoint " + endpoint.id() + " needs a network namespace");
    }
    if (interfaceName == null) {
      throw new InvalidParameterException("join of endpoint " + endpoint.id() + " needs an interface name");
    }
  }
}
