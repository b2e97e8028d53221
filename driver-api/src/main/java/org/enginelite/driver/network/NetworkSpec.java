package org.enginelite.driver.network;

import java.net.InetAddress;
import java.util.Map;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/**
 * What a driver needs to create a network. The id is the engine's network id (64 hex digits in practice); kernel
 * object names are derived from its first 12 characters.
 *
 * @param subnet the network's IPv4 subnet, host bits clear
 * @param gateway the address the bridge carries, inside {@code subnet}
 * @param internal {@code --internal}: no route out, no masquerade, no published ports
 */
public record NetworkSpec(
    String id, String name, Cidr subnet, InetAddress gateway, boolean internal, BridgeOptions bridgeOptions) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");

  public NetworkSpec {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidParameterException("invalid network id: \"" + id + "\"");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidParameterException("network name must not be empty");
    }
    if (subnet == null) {
      throw new InvalidParameterException("network " + name + " has no subnet");
    }
    if (!subnet.isNetwork()) {
      throw new InvalidParameterException(
          "invalid subnet " + subnet + ": it should be " + subnet.network());
    }
    if (gateway == null) {
      throw new InvalidParameterException("network " + name + " has no gateway");
    }
    if (!subnet.contains(gateway)) {
      throw new InvalidParameterException("gateway " + gateway.getHostAddress() + " is not in subnet " + subnet);
    }
    if (subnet.prefixLength() < subnet.address().getAddress().length * 8 - 1
        && (gateway.equals(subnet.networkAddress()) || (subnet.isIpv4() && gateway.equals(subnet.lastAddress())))) {
      throw new InvalidParameterException(
          "gateway " + gateway.getHostAddress() + " is the network or broadcast address of " + subnet);
    }
    bridgeOptions = bridgeOptions == null ? BridgeOptions.DEFAULTS : bridgeOptions;
  }

  /** Builds a spec from Docker's raw driver options ({@code -o}), parsing them here, once. */
  public static NetworkSpec of(String id, String name, Cidr subnet, InetAddress gateway, boolean internal,
      Map<String, String> driverOptions) {
    return new NetworkSpec(id, name, subnet, gateway, internal, BridgeOptions.parse(driverOptions));
  }

  /** The first 12 characters of the id, as Docker shortens ids; used in kernel object names. */
  public String shortId() {
    return id.length() <= 12 ? id : id.substring(0, 12);
  }

  /** The gateway with the subnet's prefix: the address the bridge device carries. */
  public Cidr gatewayCidr() {
    return Cidr.of(gateway, subnet.prefixLength());
  }
}
