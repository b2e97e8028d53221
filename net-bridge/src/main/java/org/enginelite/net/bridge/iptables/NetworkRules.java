package org.enginelite.net.bridge.iptables;

import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.NetworkSpec;

/**
 * The rules of one bridge network, as Docker's bridge driver has them (with its userland proxy off): isolation from
 * the other bridges, icc, internal networks cut off, masquerade of outbound traffic and of host-local sources, so
 * published ports answer on the host's loopback.
 */
public final class NetworkRules {
  private NetworkRules() {}

  public static List<Rule> of(NetworkSpec spec, IfName bridge) {
    String b = bridge.value();
    String subnet = spec.subnet().toString();
    List<Rule> rules = new ArrayList<>();
    // Isolation: traffic leaving this bridge for another of the driver's bridges is dropped in stage 2.
    rules.add(Rule.filter(Chains.ISOLATION_1, "-i " + b + " ! -o " + b + " -j " + Chains.ISOLATION_2));
    rules.add(Rule.filter(Chains.ISOLATION_2, "-o " + b + " -j DROP"));
    if (spec.internal()) {
      rules.add(Rule.filter(Chains.FORWARD, "-i " + b + " ! -o " + b + " -j DROP"));
      rules.add(Rule.filter(Chains.FORWARD, "-o " + b + " ! -i " + b + " -j DROP"));
    } else {
      rules.add(Rule.filter(Chains.FORWARD, "-o " + b + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"));
      // Published ports: whatever was DNATed to this bridge is let in (hairpin included).
      rules.add(Rule.filter(Chains.FORWARD, "-o " + b + " -m conntrack --ctstate DNAT -j ACCEPT"));
      rules.add(Rule.filter(Chains.FORWARD, "-i " + b + " ! -o " + b + " -j ACCEPT"));
    }
    // icc: bridged traffic between containers (seen here through br_netfilter's bridge-nf-call-iptables).
    rules.add(Rule.filter(Chains.FORWARD,
        "-i " + b + " -o " + b + " -j " + (spec.bridgeOptions().enableIcc() ? "ACCEPT" : "DROP")));
    // Nothing else gets in unsolicited, as with Docker's FORWARD policy DROP.
    rules.add(Rule.filter(Chains.FORWARD, "-o " + b + " -j DROP"));
    if (!spec.internal()) {
      if (spec.bridgeOptions().enableIpMasquerade()) {
        rules.add(Rule.nat(Chains.POSTROUTING, "-s " + subnet + " ! -o " + b + " -j MASQUERADE"));
      }
      // Host-local sources (127.0.0.1 reaching a published port) leave with the bridge's address.
      rules.add(Rule.nat(Chains.POSTROUTING, "-o " + b + " -m addrtype --src-type LOCAL -j MASQUERADE"));
      // Hairpin: a container reaching a published port of its own network gets answers via the gateway.
      rules.add(Rule.nat(Chains.POSTROUTING,
          "-s " + subnet + " -o " + b + " -m conntrack --ctstate DNAT -j MASQUERADE"));
    }
    return rules;
  }
}
