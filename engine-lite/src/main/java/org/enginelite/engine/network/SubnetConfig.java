package org.enginelite.engine.network;

import java.util.Map;

/**
 * One IPv4 subnet of a network as the IPAM granted it: the subnet, the optional range dynamic addresses come
 * from, the gateway and the auxiliary addresses kept out of allocation. Addresses are kept in their textual form
 * (validated by the IPAM when the network was made) because this record is also the stored shape.
 */
public record SubnetConfig(String poolId, String subnet, String ipRange, String gateway,
    Map<String, String> auxAddresses) {
  public SubnetConfig {
    auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
  }

  /** The prefix length of the subnet, e.g. 16 for 172.18.0.0/16. */
  public int prefixLength() {
    return Integer.parseInt(subnet.substring(subnet.indexOf('/') + 1));
  }
}
