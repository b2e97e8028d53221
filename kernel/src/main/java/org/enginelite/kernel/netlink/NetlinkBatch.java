package org.enginelite.kernel.netlink;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import jnr.constants.platform.Errno;
import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.IfName;
import org.enginelite.kernel.KernelException;

/**
 * Changes to one namespace's links, addresses and routes sent together: one datagram out, the acknowledgements
 * read back at once, the kernel applying them in the order added. Each change tolerates what its single-request
 * form in {@link Links}, {@link Addresses} and {@link Routes} tolerates. Get one from {@link Rtnetlink#batch()}.
 */
public final class NetlinkBatch {
  private final NetlinkSocket socket;
  private final Routes routes;
  private final List<NetlinkSocket.Request> requests = new ArrayList<>();

  NetlinkBatch(NetlinkSocket socket, Routes routes) {
    this.socket = socket;
    this.routes = routes;
  }

  public NetlinkBatch setUp(int index, boolean up) {
    return add(Links.changeMessage(index, b -> { }, up ? Rtnl.IFF_UP : 0, Rtnl.IFF_UP), "RTM_NEWLINK up/down",
        "#" + index, e -> false);
  }

  public NetlinkBatch rename(int index, IfName name) {
    return add(Links.changeMessage(index, b -> b.attrString(Rtnl.IFLA_IFNAME, name.value()), 0, 0),
        "RTM_NEWLINK name", "#" + index + " -> " + name, e -> false);
  }

  /** Adds {@code address} to link {@code index}; the same address already there is fine. */
  public NetlinkBatch addAddress(int index, Cidr address) {
    return add(Addresses.addMessage(index, address), "RTM_NEWADDR", address + " on #" + index,
        e -> e.is(Errno.EEXIST));
  }

  /** Removes {@code address} from link {@code index}; an address already gone is fine. */
  public NetlinkBatch deleteAddress(int index, Cidr address) {
    return add(Addresses.deleteMessage(index, address), "RTM_DELADDR", address + " on #" + index,
        Addresses::isGone);
  }

  /** The default route via {@code gateway} out of link {@code outputIndex}; the very same route there is fine. */
  public NetlinkBatch addDefaultRoute(InetAddress gateway, int outputIndex) {
    Route route = Routes.defaultRoute(gateway, outputIndex);
    return add(Routes.addMessage(route), "RTM_NEWROUTE", Routes.describe(route),
        e -> routes.alreadyThere(route, e));
  }

  /** Sends every change and waits for all answers; throws the first failure not tolerated. */
  public void run() {
    if (!requests.isEmpty()) {
      socket.requestAll(List.copyOf(requests));
      requests.clear();
    }
  }

  private NetlinkBatch add(MessageBuilder m, String call, String object,
      java.util.function.Predicate<KernelException> tolerated) {
    requests.add(new NetlinkSocket.Request(m, call, object, tolerated));
    return this;
  }
}
