package org.enginelite.engine.network;

import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.IpAddresses;
import org.enginelite.driver.network.NetworkSpec;

/** Builds the driver's view of a stored network. */
final class NetworkSpecs {
  private NetworkSpecs() {}

  static NetworkSpec of(NetworkRecord n) {
    SubnetConfig s = n.primarySubnet();
    return NetworkSpec.of(n.id(), n.name(), Cidr.parse(s.subnet()), IpAddresses.parse(s.gateway()), n.internal(),
        n.options());
  }
}
