package org.enginelite.driver.network;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import org.enginelite.driver.InvalidParameterException;

/**
 * The bridge driver's options, parsed once from Docker's {@code -o key=value} map; no raw map travels further.
 *
 * @param bridgeName {@code com.docker.network.bridge.name}: the Linux bridge to use; empty for the engine's name
 * @param enableIcc {@code com.docker.network.bridge.enable_icc}: containers on the bridge may talk to each other
 * @param enableIpMasquerade {@code com.docker.network.bridge.enable_ip_masquerade}: outbound traffic is NATed
 * @param mtu {@code com.docker.network.driver.mtu}: MTU of the bridge and its container interfaces
 * @param hostBindingIpv4 {@code com.docker.network.bridge.host_binding_ipv4}: default host address of published
 *     ports; empty for all addresses
 */
public record BridgeOptions(
    Optional<IfName> bridgeName,
    boolean enableIcc,
    boolean enableIpMasquerade,
    int mtu,
    Optional<InetAddress> hostBindingIpv4) {

  public static final String BRIDGE_NAME = "com.docker.network.bridge.name";
  public static final String ENABLE_ICC = "com.docker.network.bridge.enable_icc";
  public static final String ENABLE_IP_MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";
  public static final String MTU = "com.docker.network.driver.mtu";
  public static final String HOST_BINDING_IPV4 = "com.docker.network.bridge.host_binding_ipv4";
  public static final int DEFAULT_MTU = 1500;
  /** The smallest MTU IPv4 allows (RFC 791). */
  public static final int MIN_MTU = 68;
  public static final int MAX_MTU = 65535;

  /** icc and masquerade on, MTU 1500, engine-chosen bridge name: Docker's defaults. */
  public static final BridgeOptions DEFAULTS =
      new BridgeOptions(Optional.empty(), true, true, DEFAULT_MTU, Optional.empty());

  public BridgeOptions {
    bridgeName = bridgeName == null ? Optional.empty() : bridgeName;
    hostBindingIpv4 = hostBindingIpv4 == null ? Optional.empty() : hostBindingIpv4;
    if (mtu < MIN_MTU || mtu > MAX_MTU) {
      throw new InvalidParameterException("invalid MTU " + mtu + ": must be between " + MIN_MTU + " and " + MAX_MTU);
    }
  }

  /** Parses Docker's driver options; keys this driver does not know are ignored, as Docker's bridge does. */
  public static BridgeOptions parse(Map<String, String> options) {
    if (options == null || options.isEmpty()) {
      return DEFAULTS;
    }
    String name = options.get(BRIDGE_NAME);
    String binding = options.get(HOST_BINDING_IPV4);
    return new BridgeOptions(
        name == null || name.isEmpty() ? Optional.empty() : Optional.of(IfName.of(name)),
        bool(options, ENABLE_ICC, true),
        bool(options, ENABLE_IP_MASQUERADE, true),
        mtu(options.get(MTU)),
        binding == null || binding.isEmpty() ? Optional.empty() : Optional.of(IpAddresses.parse(binding, HOST_BINDING_IPV4)));
  }

  /** Go's strconv.ParseBool spellings, which is what Docker accepts. */
  private static boolean bool(Map<String, String> options, String key, boolean fallback) {
    String v = options.get(key);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    switch (v) {
      case "1": case "t": case "T": case "true": case "TRUE": case "True":
        return true;
      case "0": case "f": case "F": case "false": case "FALSE": case "False":
        return false;
      default:
        throw new InvalidParameterException("invalid value \"" + v + "\" for option " + key + ": want true or false");
    }
  }

  private static int mtu(String v) {
    if (v == null || v.isEmpty()) {
      return DEFAULT_MTU;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid value \"" + v + "\" for option " + MTU + ": not a number");
    }
  }
}
