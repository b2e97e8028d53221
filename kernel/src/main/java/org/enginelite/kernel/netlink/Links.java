package org.enginelite.kernel.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jnr.constants.platform.Errno;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.MacAddress;
import org.enginelite.kernel.KernelException;

/**
 * Links of one network namespace (the one its socket lives in): create bridges and veth pairs, change, move and
 * delete links. Creates tolerate an existing link of the same kind; deletes tolerate a missing one.
 */
public final class Links {
  private final NetlinkSocket socket;
  private final LinkRemoval removal;

  Links(NetlinkSocket socket, LinkRemoval removal) {
    this.socket = socket;
    this.removal = removal;
  }

  /** The link called {@code name}, if there is one. */
  public Optional<Link> get(String name) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
        .ifinfo(Rtnl.AF_UNSPEC, 0, 0, 0)
        .attrString(Rtnl.IFLA_IFNAME, name);
    try {
      return socket.request(m, "RTM_GETLINK", name).stream().filter(r -> r.type() == Rtnl.RTM_NEWLINK)
          .map(Links::decode).findFirst();
    } catch (KernelException e) {
      if (e.is(Errno.ENODEV)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The link with index {@code index}, if there is one. */
  public Optional<Link> get(int index) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
        .ifinfo(Rtnl.AF_UNSPEC, index, 0, 0);
    try {
      return socket.request(m, "RTM_GETLINK", "#" + index).stream().filter(r -> r.type() == Rtnl.RTM_NEWLINK)
          .map(Links::decode).findFirst();
    } catch (KernelException e) {
      if (e.is(Errno.ENODEV)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The link called {@code name}; a {@link KernelException} with ENODEV when there is none. */
  public Link require(String name) {
    return get(name).orElseThrow(() -> new KernelException("RTM_GETLINK", name, Errno.ENODEV.intValue()));
  }

  public List<Link> list() {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP)
        .ifinfo(Rtnl.AF_UNSPEC, 0, 0, 0);
    List<Link> out = new ArrayList<>();
    for (NlMessage r : socket.dump(m, "RTM_GETLINK", "dump")) {
      if (r.type() == Rtnl.RTM_NEWLINK) {
        out.add(decode(r));
      }
    }
    return out;
  }

  public List<Link> listByPrefix(String prefix) {
    return list().stream().filter(l -> l.name().startsWith(prefix)).toList();
  }

  /**
   * Ensures a bridge called {@code name} exists and is up. An existing bridge is kept (create means ensure); an
   * existing link of another kind is an error.
   */
  public Link createBridge(IfName name, int mtu) {
    return createBridge(name, mtu, null);
  }

  /**
   * As {@link #createBridge(IfName, int)}, with a fixed MAC when {@code mac} is set. A bridge without one takes the
   * lowest MAC of its ports and changes it as ports come and go, which invalidates its neighbours' ARP entries for
   * the gateway; an assigned MAC stays.
   */
  public Link createBridge(IfName name, int mtu, MacAddress mac) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_NEWLINK,
        Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
        .ifinfo(Rtnl.AF_UNSPEC, 0, Rtnl.IFF_UP, Rtnl.IFF_UP)
        .attrString(Rtnl.IFLA_IFNAME, name.value())
        .attrU32(Rtnl.IFLA_MTU, mtu);
    if (mac != null) {
      m.attr(Rtnl.IFLA_ADDRESS, mac.bytes());
    }
    int info = m.beginNested(Rtnl.IFLA_LINKINFO);
    m.attrString(Rtnl.IFLA_INFO_KIND, "bridge");
    m.endNested(info);
    try {
      socket.request(m, "RTM_NEWLINK", name);
    } catch (KernelException e) {
      if (!e.is(Errno.EEXIST)) {
        throw e;
      }
      Link existing = require(name.value());
      if (!existing.isBridge()) {
        throw new KernelException("RTM_NEWLINK bridge", name + " (exists as " + existing.kind() + ")",
            Errno.EEXIST.intValue());
      }
      if (!existing.up()) {
        setUp(existing.index(), true);
      }
      if (existing.mtu() != mtu) {
        setMtu(existing.index(), mtu);
      }
    }
    return require(name.value());
  }

  /**
   * Creates a veth pair, the host end up; fails with EEXIST when either name is taken. The returned link's
   * {@link Link#linkIndex()} is the peer's index in its namespace. The kernel echoes the new link (NLM_F_ECHO,
   * Linux 6.3), so no second request reads it; an older kernel's answer without it is followed by RTM_GETLINK.
   */
  public Link createVeth(VethPair pair) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_NEWLINK,
        Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_ECHO | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
        .ifinfo(Rtnl.AF_UNSPEC, 0, Rtnl.IFF_UP, Rtnl.IFF_UP)
        .attrString(Rtnl.IFLA_IFNAME, pair.name().value())
        .attrU32(Rtnl.IFLA_MTU, pair.mtu());
    if (pair.masterIndex() > 0) {
      m.attrU32(Rtnl.IFLA_MASTER, pair.masterIndex());
    }
    int info = m.beginNested(Rtnl.IFLA_LINKINFO);
    m.attrString(Rtnl.IFLA_INFO_KIND, "veth");
    int data = m.beginNested(Rtnl.IFLA_INFO_DATA);
    int peer = m.beginNested(Rtnl.VETH_INFO_PEER);
    // The peer's attributes follow its own struct ifinfomsg (veth_newlink in drivers/net/veth.c).
    m.ifinfo(Rtnl.AF_UNSPEC, 0, 0, 0)
        .attrString(Rtnl.IFLA_IFNAME, pair.peerName().value())
        .attrU32(Rtnl.IFLA_MTU, pair.mtu());
    if (pair.peerMac() != null) {
      m.attr(Rtnl.IFLA_ADDRESS, pair.peerMac().bytes());
    }
    if (pair.peerNetnsFd() >= 0) {
      m.attrU32(Rtnl.IFLA_NET_NS_FD, pair.peerNetnsFd());
    }
    m.endNested(peer);
    m.endNested(data);
    m.endNested(info);
    for (NlMessage echo : socket.request(m, "RTM_NEWLINK veth", pair.name() + "/" + pair.peerName())) {
      if (echo.type() == Rtnl.RTM_NEWLINK) {
        Link link = decode(echo);
        if (pair.name().value().equals(link.name()) && link.linkIndex() > 0) {
          // The echo is sent before the kernel attaches the new link to its master (rtnl_newlink_create), and
          // the request succeeded, so the master is the one asked for.
          return new Link(link.index(), link.name(), link.kind(), pair.masterIndex(), link.mtu(), link.mac(),
              link.up(), link.alias(), link.linkIndex());
        }
      }
    }
    return require(pair.name().value());
  }

  public void setUp(int index, boolean up) {
    change(index, "up/down", b -> { }, up ? Rtnl.IFF_UP : 0, Rtnl.IFF_UP);
  }

  public void setMtu(int index, int mtu) {
    change(index, "mtu", b -> b.attrU32(Rtnl.IFLA_MTU, mtu), 0, 0);
  }

  public void setMac(int index, MacAddress mac) {
    change(index, "address", b -> b.attr(Rtnl.IFLA_ADDRESS, mac.bytes()), 0, 0);
  }

  /** Makes the link a port of {@code masterIndex}, or detaches it with 0. */
  public void setMaster(int index, int masterIndex) {
    change(index, "master", b -> b.attrU32(Rtnl.IFLA_MASTER, masterIndex), 0, 0);
  }

  /** Sets IFLA_IFALIAS, a free-text label the kernel keeps with the link (read back by {@link #list()}). */
  public void setAlias(int index, String alias) {
    change(index, "alias", b -> b.attrString(Rtnl.IFLA_IFALIAS, alias), 0, 0);
  }

  public void rename(int index, IfName newName) {
    change(index, "name", b -> b.attrString(Rtnl.IFLA_IFNAME, newName.value()), 0, 0);
  }

  /** Moves the link into the namespace open at {@code netnsFd}, renaming it there when {@code newName} is set. */
  public void moveToNetns(int index, int netnsFd, IfName newName) {
    change(index, "netns", b -> {
      b.attrU32(Rtnl.IFLA_NET_NS_FD, netnsFd);
      if (newName != null) {
        b.attrString(Rtnl.IFLA_IFNAME, newName.value());
      }
    }, 0, 0);
  }

  /**
   * Bridge port flags: {@code isolated} ports cannot talk to each other, only to non-isolated ports and the
   * bridge itself (IFLA_BRPORT_ISOLATED, Linux 4.18); {@code hairpin} lets a frame leave by the port it came in.
   */
  public void setBridgePort(int index, boolean isolated, boolean hairpin) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_SETLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
        .ifinfo(Rtnl.AF_BRIDGE, index, 0, 0);
    int p = m.beginNested(Rtnl.IFLA_PROTINFO);
    m.attrU8(Rtnl.IFLA_BRPORT_ISOLATED, isolated ? 1 : 0);
    m.attrU8(Rtnl.IFLA_BRPORT_MODE, hairpin ? 1 : 0);
    m.endNested(p);
    socket.request(m, "RTM_SETLINK brport", "#" + index);
  }

  /** Deletes the link called {@code name}; true when it existed. A veth's peer goes with it. */
  public boolean delete(String name) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_DELLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
        .ifinfo(Rtnl.AF_UNSPEC, 0, 0, 0)
        .attrString(Rtnl.IFLA_IFNAME, name);
    try {
      socket.request(m, "RTM_DELLINK", name);
      return true;
    } catch (KernelException e) {
      if (e.is(Errno.ENODEV)) {
        return false;
      }
      throw e;
    }
  }

  /** Deletes the link with index {@code index}; true when it existed. */
  public boolean delete(int index) {
    return delete(socket, index);
  }

  /**
   * As {@link #delete(int)}, but returns as soon as the link is gone from the namespace (unlisted, detached from
   * its bridge, its addresses, routes and sysfs entry removed; a veth's peer too) instead of once the kernel freed
   * it, an RCU grace period later. See {@link LinkRemoval}.
   */
  public boolean remove(int index) {
    return removal.remove(index);
  }

  /**
   * Deletes the link with index {@code index} on a thread of its own and returns at once; the link may still be
   * listed for a while (a veth until its peer is gone too). For a link already out of everyone's way: a failure
   * is not reported, and one left behind by a crash is for the owner's reconciliation to find. {@code done} runs
   * once the deletion ended, whichever way.
   */
  public void removeInBackground(int index, Runnable done) {
    removal.removeInBackground(index, done);
  }

  /** As {@link #remove(int)}, for the link called {@code name}. */
  public boolean remove(String name) {
    Optional<Link> link = get(name);
    return link.isPresent() && remove(link.get().index());
  }

  static boolean delete(NetlinkSocket socket, int index) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_DELLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
        .ifinfo(Rtnl.AF_UNSPEC, index, 0, 0);
    try {
      socket.request(m, "RTM_DELLINK", "#" + index);
      return true;
    } catch (KernelException e) {
      if (e.is(Errno.ENODEV)) {
        return false;
      }
      throw e;
    }
  }

  private void change(int index, String what, java.util.function.Consumer<MessageBuilder> attrs, int flags,
      int change) {
    socket.request(changeMessage(index, attrs, flags, change), "RTM_NEWLINK " + what, "#" + index);
  }

  static MessageBuilder changeMessage(int index, java.util.function.Consumer<MessageBuilder> attrs, int flags,
      int change) {
    MessageBuilder m = new MessageBuilder(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
        .ifinfo(Rtnl.AF_UNSPEC, index, flags, change);
    attrs.accept(m);
    return m;
  }

  static Link decode(NlMessage r) {
    int index = r.payload().getInt(4);
    int flags = r.payload().getInt(8);
    Attributes a = r.attributes(Rtnl.IFINFOMSG_LEN);
    byte[] mac = a.bytes(Rtnl.IFLA_ADDRESS);
    return new Link(index, a.string(Rtnl.IFLA_IFNAME), a.nested(Rtnl.IFLA_LINKINFO).string(Rtnl.IFLA_INFO_KIND),
        a.u32(Rtnl.IFLA_MASTER, 0), a.u32(Rtnl.IFLA_MTU, 0),
        mac != null && mac.length == 6 ? MacAddress.of(mac) : null, (flags & Rtnl.IFF_UP) != 0,
        a.string(Rtnl.IFLA_IFALIAS), a.u32(Rtnl.IFLA_LINK, 0));
  }
}
