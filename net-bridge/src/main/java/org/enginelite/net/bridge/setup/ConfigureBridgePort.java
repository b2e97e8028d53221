package org.enginelite.net.bridge.setup;

import org.enginelite.driver.network.IfName;
import java.util.function.IntSupplier;
import org.enginelite.kernel.netlink.Links;

/**
 * Bridge port flags of an endpoint's host end (IFLA_PROTINFO):
 * <ul>
 *   <li>hairpin, always: a container reaching its own published port through the host has the DNATed packet
 *       bridged back out of the port it came in by (br_netfilter re-bridges it), which a bridge refuses otherwise;
 *       Docker turns hairpin on when it runs without its userland proxy, as this driver always does;
 *   <li>isolated, for {@code enable_icc=false}: the bridge itself drops frames between two containers, which holds
 *       even where br_netfilter does not hand bridged traffic to the firewall's icc rule. Traffic to the gateway
 *       (the bridge device) still flows.
 * </ul>
 */
public final class ConfigureBridgePort implements SetupStep {
  private final Links links;
  private final IfName port;
  private final IntSupplier portIndex;
  private final boolean isolated;

  /** {@code portIndex}: the index of {@code port}, known once an earlier step created it. */
  public ConfigureBridgePort(Links links, IfName port, IntSupplier portIndex, boolean isolated) {
    this.links = links;
    this.port = port;
    this.portIndex = portIndex;
    this.isolated = isolated;
  }

  @Override
  public String name() {
    return "configure bridge port " + port;
  }

  @Override
  public void apply() {
    links.setBridgePort(portIndex.getAsInt(), isolated, true);
  }

  @Override
  public void undo() {
    // the port goes with its veth pair
  }
}
