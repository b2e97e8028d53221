package org.enginelite.net.bridge.setup;

import java.net.InetAddress;
import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.IfName;
import org.enginelite.kernel.netlink.Link;
import org.enginelite.kernel.netlink.Rtnetlink;
import org.enginelite.kernel.ns.NetNs;

/**
 * Inside the container's namespace: loopback up (127.0.0.1 and the embedded DNS server at 127.0.0.11 need it, and
 * Docker brings it up), the interface's address, the interface up and, for the container's first network, the
 * default route via the gateway, through a netlink socket opened inside the namespace.
 */
public final class ConfigureContainerInterface implements SetupStep {
  /** lo is always index 1 in a network namespace (loopback_net_init registers it first). */
  private static final int LOOPBACK_INDEX = 1;
  private final NetNs container;
  private final Rtnetlink rt;
  private final IfName name;
  private final Cidr address;
  private final InetAddress defaultGateway;

  /** {@code rt}: a socket inside {@code container}; {@code defaultGateway} null: no default route. */
  public ConfigureContainerInterface(NetNs container, Rtnetlink rt, IfName name, Cidr address,
      InetAddress defaultGateway) {
    this.container = container;
    this.rt = rt;
    this.name = name;
    this.address = address;
    this.defaultGateway = defaultGateway;
  }

  @Override
  public String name() {
    return "configure " + name + " in " + container;
  }

  @Override
  public void apply() {
    Link link = rt.links().require(name.value());
    rt.addresses().add(link.index(), address);
    rt.links().setUp(link.index(), true);
    rt.links().setUp(LOOPBACK_INDEX, true);
    if (defaultGateway != null) {
      rt.routes().addDefault(defaultGateway, link.index());
    }
  }

  @Override
  public void undo() {
    // the interface goes with its veth pair (CreateVethPair's undo)
  }
}
