package org.enginelite.kernel.netlink;

import org.enginelite.driver.network.MacAddress;

/**
 * A network interface as rtnetlink reports it.
 *
 * @param kind the IFLA_INFO_KIND ("bridge", "veth", "vxlan"), or null for devices without one (lo, physical)
 * @param masterIndex the bridge this link is a port of, 0 for none
 * @param mac the hardware address, or null when the link has none of Ethernet size
 * @param alias IFLA_IFALIAS, or null
 * @param linkIndex IFLA_LINK: a veth's peer (whose index counts in the peer's own namespace), 0 for none
 */
public record Link(int index, String name, String kind, int masterIndex, int mtu, MacAddress mac, boolean up,
    String alias, int linkIndex) {

  public boolean isBridge() {
    return "bridge".equals(kind);
  }

  public boolean isVeth() {
    return "veth".equals(kind);
  }
}
