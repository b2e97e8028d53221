package org.enginelite.kernel.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import jnr.constants.platform.Errno;
import org.enginelite.driver.network.Cidr;
import org.enginelite.kernel.KernelException;

/** IP addresses on the links of one network namespace. Adding an address twice is fine; so is deleting a gone one. */
public final class Addresses {
  private final NetlinkSocket socket;

  Addresses(NetlinkSocket socket) {
    this.socket = socket;
  }

  /** Adds {@code address} (with its prefix length) to link {@code index}; an existing identical address is kept. */
  public void add(int index, Cidr address) {
    try {
      socket.request(addMessage(index, address), "RTM_NEWADDR", address + " on #" + index);
    } catch (KernelException e) {
      if (!e.is(Errno.EEXIST)) {
        throw e;
      }
    }
  }

  static MessageBuilder addMessage(int index, Cidr address) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_NEWADDR,
        Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
        .ifaddr(family(address.address()), address.prefixLength(), Rtnl.RT_SCOPE_UNIVERSE, index)
        .attr(Rtnl.IFA_LOCAL, address.address().getAddress())
        .attr(Rtnl.IFA_ADDRESS, address.address().getAddress());
    if (address.isIpv4() && address.prefixLength() < 31) {
      m.attr(Rtnl.IFA_BROADCAST, address.lastAddress().getAddress());
    }
    return m;
  }

  /** Removes {@code address} from link {@code index}; true when it was there. */
  public boolean delete(int index, Cidr address) {
    try {
      socket.request(deleteMessage(index, address), "RTM_DELADDR", address + " on #" + index);
      return true;
    } catch (KernelException e) {
      if (isGone(e)) {
        return false;
      }
      throw e;
    }
  }

  static MessageBuilder deleteMessage(int index, Cidr address) {
    return new MessageBuilder(Rtnl.RTM_DELADDR, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
        .ifaddr(family(address.address()), address.prefixLength(), 0, index)
        .attr(Rtnl.IFA_LOCAL, address.address().getAddress());
  }

  /** The answer to deleting an address that is not there. */
  static boolean isGone(KernelException e) {
    return e.is(Errno.EADDRNOTAVAIL) || e.is(Errno.ENODEV) || e.is(Errno.ENOENT);
  }

  /** IPv4 and IPv6 addresses of link {@code index} (every link's for 0). */
  public List<Cidr> list(int index) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_GETADDR, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP)
        .ifaddr(Rtnl.AF_UNSPEC, 0, 0, 0);
    List<Cidr> out = new ArrayList<>();
    for (NlMessage r : socket.dump(m, "RTM_GETADDR", "dump")) {
      if (r.type() != Rtnl.RTM_NEWADDR) {
        continue;
      }
      int prefix = Byte.toUnsignedInt(r.payload().get(1));
      int ifIndex = r.payload().getInt(4);
      if (index != 0 && ifIndex != index) {
        continue;
      }
      Attributes a = r.attributes(Rtnl.IFADDRMSG_LEN);
      byte[] raw = a.has(Rtnl.IFA_LOCAL) ? a.bytes(Rtnl.IFA_LOCAL) : a.bytes(Rtnl.IFA_ADDRESS);
      if (raw != null) {
        out.add(Cidr.of(toAddress(raw), prefix));
      }
    }
    return out;
  }

  static int family(InetAddress a) {
    return a instanceof Inet4Address ? Rtnl.AF_INET : Rtnl.AF_INET6;
  }

  static InetAddress toAddress(byte[] raw) {
    try {
      return InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("kernel sent an address of " + raw.length + " bytes", e);
    }
  }
}
