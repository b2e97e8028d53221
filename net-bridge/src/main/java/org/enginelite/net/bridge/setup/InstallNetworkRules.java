package org.enginelite.net.bridge.setup;

import java.util.List;
import org.enginelite.net.bridge.iptables.Firewall;
import org.enginelite.net.bridge.iptables.Rule;

/**
 * Replaces the network's tagged firewall rules with the given ones in one transaction, putting the driver's jump
 * from FORWARD back on top in the same restore; the restore runs while the bridge is made.
 */
public final class InstallNetworkRules implements ConcurrentStep {
  private final Firewall firewall;
  private final String tag;
  private final List<Rule> rules;

  public InstallNetworkRules(Firewall firewall, String tag, List<Rule> rules) {
    this.firewall = firewall;
    this.tag = tag;
    this.rules = List.copyOf(rules);
  }

  @Override
  public String name() {
    return "install firewall rules " + tag;
  }

  @Override
  public Running start() {
    return firewall.startReplaceRaisingJumps(tag, rules)::await;
  }

  @Override
  public void undo() {
    firewall.remove(tag);
  }
}
