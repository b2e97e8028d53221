package org.enginelite.engine.network;

import java.nio.file.Path;
import org.enginelite.kernel.netlink.Rtnetlink;
import org.enginelite.kernel.ns.NetNs;

/** {@link LoopbackUp} over rtnetlink opened inside the namespace. */
public final class NetlinkLoopbackUp implements LoopbackUp {
  @Override
  public void up(Path netns) {
    try (Rtnetlink rtnl = Rtnetlink.openIn(NetNs.open(netns))) {
      rtnl.links().setUp(rtnl.links().require("lo").index(), true);
    }
  }
}
