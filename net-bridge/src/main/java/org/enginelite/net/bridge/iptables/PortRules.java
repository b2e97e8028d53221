package org.enginelite.net.bridge.iptables;

import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.PortBinding;

/** DNAT rules of one endpoint's published ports: host address and port to the container's address and port. */
public final class PortRules {
  private PortRules() {}

  public static List<Rule> of(EndpointSpec endpoint, List<PortBinding> bindings) {
    String container = endpoint.address().address().getHostAddress();
    List<Rule> rules = new ArrayList<>(bindings.size());
    for (PortBinding p : bindings) {
      String proto = p.protocol().toString();
      String dst = p.allAddresses() ? "" : "-d " + p.hostIp().getHostAddress() + "/32 ";
      rules.add(Rule.nat(Chains.DNAT, dst + "-p " + proto + " -m " + proto + " --dport " + p.hostPort()
          + " -j DNAT --to-destination " + container + ":" + p.containerPort()));
    }
    return rules;
  }
}
