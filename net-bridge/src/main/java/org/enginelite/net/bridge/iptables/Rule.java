package org.enginelite.net.bridge.iptables;

/**
 * One rule to append: its table ("filter", "nat"), chain and match/target spec in iptables syntax, without the
 * tag comment (the {@link Firewall} adds that).
 */
public record Rule(String table, String chain, String spec) {
  public static Rule filter(String chain, String spec) {
    return new Rule("filter", chain, spec);
  }

  public static Rule nat(String chain, String spec) {
    return new Rule("nat", chain, spec);
  }
}
