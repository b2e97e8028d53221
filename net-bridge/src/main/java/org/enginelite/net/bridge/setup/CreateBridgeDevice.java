package org.enginelite.net.bridge.setup;

import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.MacAddress;
import org.enginelite.kernel.netlink.Link;
import org.enginelite.kernel.netlink.Links;

/** Ensures the network's bridge exists, is up, has the network's MTU and carries the network's alias. */
public final class CreateBridgeDevice implements SetupStep {
  private final Links links;
  private final IfName bridge;
  private final int mtu;
  private final MacAddress mac;
  private final String alias;
  private boolean created;

  /** {@code mac}: the bridge's fixed MAC, so it does not change as ports come and go. */
  public CreateBridgeDevice(Links links, IfName bridge, int mtu, MacAddress mac, String alias) {
    this.links = links;
    this.bridge = bridge;
    this.mtu = mtu;
    this.mac = mac;
    this.alias = alias;
  }

  @Override
  public String name() {
    return "create bridge " + bridge;
  }

  @Override
  public void apply() {
    created = links.get(bridge.value()).isEmpty();
    Link link = links.createBridge(bridge, mtu, mac);
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
