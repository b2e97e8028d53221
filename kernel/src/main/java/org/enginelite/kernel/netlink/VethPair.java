package org.enginelite.kernel.netlink;

import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.MacAddress;

/**
 * A veth pair to create in one RTM_NEWLINK: the host end (optionally a port of a bridge, up) and the peer, which
 * can be born directly inside another network namespace under its final name (IFLA_NET_NS_FD in the peer's
 * attributes), so it never appears on the host.
 *
 * @param masterIndex bridge to attach the host end to, 0 for none
 * @param peerMac MAC of the peer, or null for a random one
 * @param peerNetnsFd an open fd of the peer's network namespace, or -1 for the caller's namespace
 */
public record VethPair(IfName name, IfName peerName, int mtu, int masterIndex, MacAddress peerMac, int peerNetnsFd) {
  public VethPair {
    if (name == null || peerName == null) {
      throw new IllegalArgumentException("a veth pair needs both names");
    }
  }
}
