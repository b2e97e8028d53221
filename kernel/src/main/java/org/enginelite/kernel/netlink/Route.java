package org.enginelite.kernel.netlink;

import java.net.InetAddress;
import org.enginelite.driver.network.Cidr;

/**
 * A route in the main table.
 *
 * @param destination the destination subnet; {@code 0.0.0.0/0} for the default route
 * @param gateway the next hop, or null for a directly connected route
 * @param outputIndex the outgoing link's index, 0 when unspecified
 */
public record Route(Cidr destination, InetAddress gateway, int outputIndex) {
  public boolean isDefault() {
    return destination.prefixLength() == 0;
  }
}
