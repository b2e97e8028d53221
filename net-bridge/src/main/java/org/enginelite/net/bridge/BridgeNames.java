package org.enginelite.net.bridge;

import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.NetworkSpec;
import org.enginelite.kernel.KernelNames;

/** How the driver names and labels its kernel objects; every name starts with "el" so recovery finds its own. */
public final class BridgeNames {
  /** The default network's bridge, as Docker's is docker0; the engine passes it as the bridge.name option. */
  public static final String DEFAULT_BRIDGE = KernelNames.PREFIX + "0";
  /** User networks' bridges: elbr-<first 10 of the network id> (15 bytes at most). */
  public static final String BRIDGE_PREFIX = KernelNames.PREFIX + "br-";
  /** Host ends of endpoints' veth pairs: elv<first 12 of the endpoint id>. */
  public static final String VETH_PREFIX = KernelNames.PREFIX + "v";
  /** Containers' interfaces being deleted (see {@link #tombstone}). */
  public static final String TOMBSTONE_PREFIX = KernelNames.PREFIX + "tomb";
  /** IFLA_IFALIAS on every bridge the driver made: el:net:<network id>, so bridges with custom names are found. */
  public static final String ALIAS_PREFIX = KernelNames.PREFIX + ":net:";

  private BridgeNames() {}

  public static IfName bridge(NetworkSpec spec) {
    return spec.bridgeOptions().bridgeName().orElseGet(() -> bridgeForId(spec.id()));
  }

  /** The engine's bridge name for a network without a bridge.name option. */
  public static IfName bridgeForId(String networkId) {
    return IfName.of(BRIDGE_PREFIX + cut(networkId, 15 - BRIDGE_PREFIX.length()));
  }

  public static IfName hostVeth(String endpointId) {
    return IfName.of(VETH_PREFIX + cut(endpointId, 15 - VETH_PREFIX.length()));
  }

  /**
   * The name a container's interface takes while its veth pair is deleted in the background: eltomb<first 9 of
   * the endpoint id>, out of the way of the next ethN.
   */
  public static IfName tombstone(String endpointId) {
    return IfName.of(TOMBSTONE_PREFIX + cut(endpointId, 15 - TOMBSTONE_PREFIX.length()));
  }

  public static String alias(String networkId) {
    return ALIAS_PREFIX + networkId;
  }

  /** The firewall tag of a network's rules. */
  public static String networkTag(String networkId) {
    return KernelNames.PREFIX + ":net:" + cut(networkId, 12);
  }

  /** The firewall tag of an endpoint's published-port rules. */
  public static String endpointTag(String endpointId) {
    return KernelNames.PREFIX + ":ep:" + cut(endpointId, 12);
  }

  static String cut(String id, int max) {
    return id.length() <= max ? id : id.substring(0, max);
  }
}
