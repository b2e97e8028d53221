package org.enginelite.driver.network;

import java.net.Inet4Address;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/**
 * One container's attachment to one network.
 *
 * @param address the endpoint's address with its subnet's prefix length ({@code 172.18.0.2/16})
 * @param mac the interface's MAC; when null, Docker's MAC derived from the IPv4 address ({@code 02:42:ac:12:00:02})
 */
public record EndpointSpec(String id, String networkId, Cidr address, MacAddress mac) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");

  public EndpointSpec {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidParameterException("invalid endpoint id: \"" + id + "\"");
    }
    if (networkId == null || !ID.matcher(networkId).matches()) {
      throw new InvalidParameterException("invalid network id: \"" + networkId + "\"");
    }
    if (address == null) {
      throw new InvalidParameterException("endpoint " + id + " has no address");
    }
    if (mac == null) {
      if (!(address.address() instanceof Inet4Address v4)) {
        throw new InvalidParameterException("endpoint " + id + " needs a MAC address for " + address);
      }
      mac = MacAddress.fromIpv4(v4);
    }
  }

  /** An endpoint with Docker's MAC for its address. */
  public static EndpointSpec of(String id, String networkId, Cidr address) {
    return new EndpointSpec(id, networkId, address, null);
  }

  /** The first 12 characters of the id; used in kernel object names. */
  public String shortId() {
    return id.length() <= 12 ? id : id.substring(0, 12);
  }
}
