package org.enginelite.net.bridge.setup;

import jnr.constants.platform.Errno;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.MacAddress;
import org.enginelite.kernel.KernelException;
import org.enginelite.kernel.netlink.Link;
import org.enginelite.kernel.netlink.Links;
import org.enginelite.kernel.netlink.VethPair;
import org.enginelite.kernel.ns.NetNs;

/**
 * Creates the endpoint's veth pair in one netlink request: the host end on the bridge and up, the container end born
 * inside the container's namespace under its final name (eth0, eth1, ...) with the endpoint's MAC and the MTU.
 */
public final class CreateVethPair implements SetupStep {
  private final Links hostLinks;
  private final NetNs container;
  private final IfName hostEnd;
  private final IfName containerEnd;
  private final MacAddress mac;
  private final int mtu;
  private final int bridgeIndex;
  private Link created;

  public CreateVethPair(Links hostLinks, NetNs container, IfName hostEnd, IfName containerEnd, MacAddress mac,
      int mtu, int bridgeIndex) {
    this.hostLinks = hostLinks;
    this.container = container;
    this.hostEnd = hostEnd;
    this.containerEnd = containerEnd;
    this.mac = mac;
    this.mtu = mtu;
    this.bridgeIndex = bridgeIndex;
  }

  @Override
  public String name() {
    return "create veth " + hostEnd + " -> " + containerEnd;
  }

  @Override
  public void apply() {
    try (NetNs.NsFd fd = container.openFd()) {
      VethPair pair = new VethPair(hostEnd, containerEnd, mtu, bridgeIndex, mac, fd.fd());
      try {
        created = hostLinks.createVeth(pair);
      } catch (KernelException e) {
        // The host end is named after the endpoint id, which is unique: one that exists was left by a crash
        // between join and leave. Replace it once; an EEXIST from the container side stays an error.
        if (!e.is(Errno.EEXIST) || !hostLinks.delete(hostEnd.value())) {
          throw e;
        }
        created = hostLinks.createVeth(pair);
      }
    }
  }

  /** The host end's index, once applied. */
  public int hostIndex() {
    return created.index();
  }

  /** The container end's index in the container's namespace, once applied. */
  public int containerIndex() {
    return created.linkIndex();
  }

  @Override
  public void undo() {
    hostLinks.delete(hostEnd.value());
  }
}
