package org.enginelite.driver.ipam;

import java.util.Map;

/**
 * A pool handed to a network: its subnet, the range container addresses come from, the gateway and the
 * reserved auxiliary addresses. Plain values only, so a network record can embed it as JSON.
 *
 * @param id the id to pass back to {@link IpamDriver} (stable across restarts)
 * @param networkId the network the pool belongs to
 * @param subnet the network's subnet
 * @param ipRange where container addresses come from (the subnet itself when no range was given)
 * @param gateway the gateway address, reserved in the pool
 * @param auxAddresses named reserved addresses
 */
public record Pool(String id, String networkId, Ipv4Cidr subnet, Ipv4Cidr ipRange, Ipv4Address gateway,
    Map<String, Ipv4Address> auxAddresses) {

  public Pool {
    if (id == null || networkId == null || subnet == null || ipRange == null || gateway == null) {
      throw new IllegalArgumentException("id, networkId, subnet, ipRange and gateway are required");
    }
    auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
  }

  /** The gateway with the subnet's prefix ({@code 172.18.0.1/16}), as it goes on the bridge. */
  public Ipv4Cidr gatewayCidr() {
    return new Ipv4Cidr(gateway, subnet.prefixLength());
  }

  /** An endpoint address with the subnet's prefix ({@code 172.18.0.2/16}), as Docker shows IPv4Address. */
  public Ipv4Cidr cidrOf(Ipv4Address address) {
    return new Ipv4Cidr(address, subnet.prefixLength());
  }
}
