package org.enginelite.net.bridge.setup;

import org.enginelite.driver.network.IfName;
import org.enginelite.kernel.netlink.Link;
import org.enginelite.kernel.netlink.Links;

/** Ensures the network's bridge exists, is up, has the network's MTU and carries the network's alias. */
public final class CreateBridgeDevice implements SetupStep {
  private final Links links;
  private final IfName bridge;
  private final int mtu;
  private final String alias;
  private boolean created;

  public CreateBridgeDevice(Links links, IfName bridge, int mtu, String alias) {
    this.links = links;
    this.bridge = bridge;
    this.mtu = mtu;
    this.alias = alias;
  }

  @Override
  public String name() {
    return "create bridge " + bridge;
  }

  @Override
  public void apply() {
    created = links.get(bridge.value()).isEmpty();
    Link link = links.createBridge(bridge, mtu);
    if (!alias.equals(link.alias())) {
      links.setAlias(link.index(), alias);
    }
  }

  @Override
  public void undo() {
    if (created) {
      links.delete(bridge.value());
    }
  }
}
