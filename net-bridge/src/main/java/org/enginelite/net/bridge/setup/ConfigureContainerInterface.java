package org.enginelite.net.bridge.setup;

import java.net.InetAddress;
import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.IfName;
import java.util.function.IntSupplier;
import org.enginelite.kernel.netlink.NetlinkBatch;
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
  private final IntSupplier index;
  private final Cidr address;
  private final InetAddress defaultGateway;

  /**
   * @param rt a socket inside {@code container}
   * @param index the index of interface {@code name} in the container, known once an earlier step created it
   * @param defaultGateway null: no default route
   */
  public ConfigureContainerInterface(NetNs container, Rtnetlink rt, IfName name, IntSupplier index, Cidr address,
      InetAddress defaultGateway) {
    this.container = container;
    this.rt = rt;
    this.name = name;
    this.index = index;
    this.address = address;
    this.defaultGateway = defaultGateway;
  }

  @Override
  public String name() {
    return "configure " + name + " in " + container;
  }

  @Override
  public void apply() {
    int link = index.getAsInt();
    // One datagram, applied in order: the route needs the interface up with its address.
    NetlinkBatch batch = rt.batch()
        .addAddress(link, address)
        .setUp(link, true)
        .setUp(LOOPBACK_INDEX, true);
    if (defaultGateway != null) {
      batch.addDefaultRoute(defaultGateway, link);
    }
    batch.run();
  }

  @Override
  public void undo() {
    // the interface goes with its veth pair (CreateVethPair's undo)
  }
}
