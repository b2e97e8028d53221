package org.enginelite.net.bridge.iptables;

import java.util.List;
import org.enginelite.kernel.KernelNames;

/** The driver's chains and how the built-in chains jump to them. */
public final class Chains {
  public static final String FORWARD = KernelNames.CHAIN_PREFIX + "FORWARD";
  public static final String ISOLATION_1 = KernelNames.CHAIN_PREFIX + "ISOLATION-1";
  public static final String ISOLATION_2 = KernelNames.CHAIN_PREFIX + "ISOLATION-2";
  public static final String DNAT = KernelNames.CHAIN_PREFIX + "DNAT";
  public static final String POSTROUTING = KernelNames.CHAIN_PREFIX + "POSTROUTING";
  /** Tag of the jumps that hook the chains in; they go when the last tagged rule goes. */
  public static final String BASE_TAG = "el:base";

  /** A chain the driver creates, in the table it lives in. */
  record Chain(String table, String name) {}

  /** A jump the driver inserts (position 1) or appends, from a chain to one of its own. */
  record Jump(String table, String from, boolean first, String match, String target) {}

  static final List<Chain> CHAINS = List.of(
      new Chain("filter", FORWARD), new Chain("filter", ISOLATION_1), new Chain("filter", ISOLATION_2),
      new Chain("nat", DNAT), new Chain("nat", POSTROUTING));

  // FORWARD first so our verdicts come before other managers' (Docker's FORWARD policy is DROP).
  // OUTPUT includes 127.0.0.0/8: published ports answer on the host's loopback without a userland proxy.
  static final List<Jump> JUMPS = List.of(
      new Jump("filter", "FORWARD", true, "", FORWARD),
      new Jump("filter", FORWARD, true, "", ISOLATION_1),
      new Jump("nat", "PREROUTING", false, "-m addrtype --dst-type LOCAL", DNAT),
      new Jump("nat", "OUTPUT", false, "-m addrtype --dst-type LOCAL", DNAT),
      new Jump("nat", "POSTROUTING", false, "", POSTROUTING));

  private Chains() {}
}
