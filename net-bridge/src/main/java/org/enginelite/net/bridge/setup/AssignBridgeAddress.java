package org.enginelite.net.bridge.setup;

import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.IfName;
import org.enginelite.kernel.netlink.Addresses;
import org.enginelite.kernel.netlink.Links;

/** Puts the gateway address (with the subnet's prefix) on the bridge; the bridge then routes for its subnet. */
public final class AssignBridgeAddress implements SetupStep {
  private final Links links;
  private final Addresses addresses;
  private final IfName bridge;
  private final Cidr gateway;
  private boolean added;

  public AssignBridgeAddress(Links links, Addresses addresses, IfName bridge, Cidr gateway) {
    this.links = links;
    this.addresses = addresses;
    this.bridge = bridge;
    this.gateway = gateway;
  }

  @Override
  public String name() {
    return "assign " + gateway + " to " + bridge;
  }

  @Override
  public void apply() {
    int index = links.require(bridge.value()).index();
    added = !addresses.list(index).contains(gateway);
    addresses.add(index, gateway);
  }

  @Override
  public void undo() {
    if (added) {
      links.get(bridge.value()).ifPresent(l -> addresses.delete(l.index(), gateway));
    }
  }
}
