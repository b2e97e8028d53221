package org.enginelite.ipam;

import java.util.List;
import org.enginelite.driver.ipam.Ipv4Cidr;

/**
 * The subnets the host already uses: its routes and its own addresses. A default pool overlapping any of them
 * is skipped, so the engine coexists with Docker's 172.17.0.0/16 and with the host's LAN.
 */
@FunctionalInterface
public interface HostNetworks {

  /** Routed subnets and local addresses (as /32) of the host; the default route is left out. */
  List<Ipv4Cidr> inUse();

  /** A host with nothing configured, for tests and embedders that check routes elsewhere. */
  static HostNetworks none() {
    return List::of;
  }
}
