package org.enginelite.kernel.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import jnr.constants.platform.Errno;
import org.enginelite.driver.network.Cidr;
import org.enginelite.kernel.KernelException;

/** Routes in the main table of one network namespace. */
public final class Routes {
  private final NetlinkSocket socket;

  Routes(NetlinkSocket socket) {
    this.socket = socket;
  }

  /**
   * Adds the default route via {@code gateway} out of link {@code outputIndex}. The same route already present is
   * fine; a default route via another gateway is an error (EEXIST).
   */
  public void addDefault(InetAddress gateway, int outputIndex) {
    add(defaultRoute(gateway, outputIndex));
  }

  static Route defaultRoute(InetAddress gateway, int outputIndex) {
    return new Route(Cidr.of(anyAddress(gateway), 0), gateway, outputIndex);
  }

  /** Adds a route; an identical route already present is fine. */
  public void add(Route route) {
    try {
      socket.request(addMessage(route), "RTM_NEWROUTE", describe(route));
    } catch (KernelException e) {
      if (!alreadyThere(route, e)) {
        throw e;
      }
    }
  }

  /** True when {@code e} answered adding {@code route} because that very route is there (EEXIST). */
  boolean alreadyThere(Route route, KernelException e) {
    return e.is(Errno.EEXIST) && list().contains(normalized(route));
  }

  static MessageBuilder addMessage(Route route) {
    Cidr dst = route.destination();
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_NEWROUTE,
        Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
        .rtmsg(Addresses.family(dst.address()), dst.prefixLength(), Rtnl.RT_TABLE_MAIN, Rtnl.RTPROT_BOOT,
            route.gateway() == null ? Rtnl.RT_SCOPE_LINK : Rtnl.RT_SCOPE_UNIVERSE, Rtnl.RTN_UNICAST);
    if (dst.prefixLength() > 0) {
      m.attr(Rtnl.RTA_DST, dst.network().address().getAddress());
    }
    if (route.gateway() != null) {
      m.attr(Rtnl.RTA_GATEWAY, route.gateway().getAddress());
    }
    if (route.outputIndex() > 0) {
      m.attrU32(Rtnl.RTA_OIF, route.outputIndex());
    }
    return m;
  }

  /** Deletes a route; true when it was there. */
  public boolean delete(Route route) {
    Cidr dst = route.destination();
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_DELROUTE, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
        .rtmsg(Addresses.family(dst.address()), dst.prefixLength(), Rtnl.RT_TABLE_MAIN, 0, 0, 0);
    if (dst.prefixLength() > 0) {
      m.attr(Rtnl.RTA_DST, dst.network().address().getAddress());
    }
    if (route.gateway() != null) {
      m.attr(Rtnl.RTA_GATEWAY, route.gateway().getAddress());
    }
    if (route.outputIndex() > 0) {
      m.attrU32(Rtnl.RTA_OIF, route.outputIndex());
    }
    try {
      socket.request(m, "RTM_DELROUTE", describe(route));
      return true;
    } catch (KernelException e) {
      if (e.is(Errno.ESRCH) || e.is(Errno.ENODEV) || e.is(Errno.ENOENT)) {
        return false;
      }
      throw e;
    }
  }

  /** IPv4 routes of the main table. */
  public List<Route> list() {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_GETROUTE, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP)
        .rtmsg(Rtnl.AF_INET, 0, 0, 0, 0, 0);
    List<Route> out = new ArrayList<>();
    for (NlMessage r : socket.dump(m, "RTM_GETROUTE", "dump")) {
      if (r.type() != Rtnl.RTM_NEWROUTE) {
        continue;
      }
      int dstLen = Byte.toUnsignedInt(r.payload().get(1));
      int table = Byte.toUnsignedInt(r.payload().get(4));
      Attributes a = r.attributes(Rtnl.RTMSG_LEN);
      int fullTable = a.u32(Rtnl.RTA_TABLE, table);
      if (fullTable != Rtnl.RT_TABLE_MAIN) {
        continue;
      }
      byte[] dst = a.bytes(Rtnl.RTA_DST);
      byte[] gw = a.bytes(Rtnl.RTA_GATEWAY);
      InetAddress dstAddr = dst == null ? Addresses.toAddress(new byte[4]) : Addresses.toAddress(dst);
      out.add(new Route(Cidr.of(dstAddr, dstLen), gw == null ? null : Addresses.toAddress(gw),
          a.u32(Rtnl.RTA_OIF, 0)));
    }
    return out;
  }

  private static Route normalized(Route r) {
    return new Route(r.destination().network(), r.gateway(), r.outputIndex());
  }

  static String describe(Route r) {
    return r.destination() + (r.gateway() == null ? "" : " via " + r.gateway().getHostAddress())
        + (r.outputIndex() > 0 ? " dev #" + r.outputIndex() : "");
  }

  private static InetAddress anyAddress(InetAddress like) {
    return Addresses.toAddress(new byte[like instanceof Inet4Address ? 4 : 16]);
  }
}
