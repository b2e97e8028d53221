package org.enginelite.kernel.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Privileged
class SysctlTest {
  @TempDir Path dir;

  @Test
  void enableIpForward_insideNamespace_changesOnlyThatNamespace() {
    NetNs ns = NetNs.create(dir.resolve("elsys"));
    try {
      String hostBefore = Sysctl.get("net.ipv4.ip_forward").orElseThrow();
      // A new namespace inherits IPv4 settings from the initial one (devconf_inherit_init_net), so start at 0.
      ns.run(() -> {
        Sysctl.set("net.ipv4.ip_forward", "0");
        return null;
      });
      // A new namespace copies ip_forward from the initial one (net.core.devconf_inherit_init_net=0), so start
      // it from 0 to see the enable take effect.
      ns.run(() -> {
        Sysctl.set("net.ipv4.ip_forward", "0");
        return null;
      });
      assertEquals("0", ns.run(() -> Sysctl.get("net.ipv4.ip_forward").orElseThrow()));
      ns.run(() -> {
        Sysctl.enableIpForward();
        return null;
      });
      assertEquals("1", ns.run(() -> Sysctl.get("net.ipv4.ip_forward").orElseThrow()));
      assertEquals(hostBefore, Sysctl.get("net.ipv4.ip_forward").orElseThrow());
      assertTrue(Sysctl.get("net.ipv4.no_such_thing").isEmpty());
      assertEquals(Optional.of("1"), ns.run(() -> {
        org.enginelite.driver.network.IfName lo = org.enginelite.driver.network.IfName.of("lo");
        Sysctl.enableRouteLocalnet(lo);
        return Sysctl.get("net/ipv4/conf/lo/route_localnet");
      }));
    } finally {
      ns.delete();
    }
  }
}
