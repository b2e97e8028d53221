package org.enginelite.net.bridge.setup;

import org.enginelite.driver.network.IfName;
import org.enginelite.kernel.sysctl.Sysctl;
import org.enginelite.net.bridge.HostNamespace;

/**
 * Host parameters a bridge network needs: ip_forward for traffic between the bridge and the outside (not for
 * internal networks), route_localnet on the bridge so DNAT of 127.0.0.1 to a container is routable. Nothing to
 * undo: other networks may rely on them, as Docker leaves them set.
 */
public final class EnableForwarding implements SetupStep {
  private final HostNamespace host;
  private final IfName bridge;
  private final boolean internal;

  public EnableForwarding(HostNamespace host, IfName bridge, boolean internal) {
    this.host = host;
    this.bridge = bridge;
    this.internal = internal;
  }

  @Override
  public String name() {
    return "enable forwarding for " + bridge;
  }

  @Override
  public void apply() {
    host.call(() -> {
      if (!internal) {
        Sysctl.enableIpForward();
        Sysctl.enableRouteLocalnet(bridge);
      }
      return null;
    });
  }

  @Override
  public void undo() {}
}
