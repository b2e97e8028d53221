package org.enginelite.driver.ipam;

import java.util.Map;
import java.util.Optional;
import org.enginelite.driver.InvalidParameterException;

/**
 * What a network asks of IPAM: {@code network create --subnet --gateway --ip-range --aux-address}, all optional.
 * Without a subnet the driver picks one from its default pools. Consistency is checked here, so every driver
 * rejects the same bad input with the same message: a gateway, range or auxiliary address must lie inside the
 * subnet, and none of them may be given without one.
 *
 * @param networkId the network the pool is for (recorded on the pool, used in messages)
 * @param subnet the subnet to use, host bits zero; empty to pick one from the default pools
 * @param ipRange the part of the subnet to allocate container addresses from; empty for the whole subnet
 * @param gateway the gateway address; empty for the first host address of the subnet
 * @param auxAddresses addresses reserved by name ({@code --aux-address host1=172.18.0.5}), never handed out
 */
public record PoolRequest(String networkId, Optional<Ipv4Cidr> subnet, Optional<Ipv4Cidr> ipRange,
    Optional<Ipv4Address> gateway, Map<String, Ipv4Address> auxAddresses) {

  public PoolRequest {
    if (networkId == null || networkId.isEmpty()) {
      throw new IllegalArgumentException("networkId is required");
    }
    subnet = subnet == null ? Optional.empty() : subnet;
    ipRange = ipRange == null ? Optional.empty() : ipRange;
    gateway = gateway == null ? Optional.empty() : gateway;
    auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
    validate(subnet, ipRange, gateway, auxAddresses);
  }

  /** A pool from the default pools with nothing else specified. */
  public static PoolRequest dynamic(String networkId) {
    return new PoolRequest(networkId, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }

  /** A pool for exactly {@code subnet}, gateway at its first host address. */
  public static PoolRequest ofSubnet(String networkId, Ipv4Cidr subnet) {
    return new PoolRequest(networkId, Optional.of(subnet), Optional.empty(), Optional.empty(), Map.of());
  }

  private static void validate(Optional<Ipv4Cidr> subnet, Optional<Ipv4Cidr> ipRange,
      Optional<Ipv4Address> gateway, Map<String, Ipv4Address> aux) {
    if (subnet.isEmpty()) {
      if (ipRange.isPresent() || gateway.isPresent() || !aux.isEmpty()) {
        throw new InvalidParameterException(
            "invalid pool request: --ip-range, --gateway and --aux-address need a --subnet");
      }
      return;
    }
    Ipv4Cidr s = subnet.get();
    if (!s.hostBitsZero()) {
      throw new InvalidParameterException("invalid subnet " + s + ": it should be " + s.network());
    }
    ipRange.ifPresent(r -> {
      if (!r.hostBitsZero()) {
        throw new InvalidParameterException("invalid ip-range " + r + ": it should be " + r.network());
      }
      if (!s.contains(r)) {
        throw new InvalidParameterException("invalid ip-range " + r + ": it must be a subset of subnet " + s);
      }
    });
    gateway.ifPresent(g -> {
      if (!s.contains(g)) {
        throw new InvalidParameterException(
            "invalid gateway address " + g + ": it does not belong to subnet " + s);
      }
    });
    aux.forEach((name, a) -> {
      if (!s.contains(a)) {
        throw new InvalidParameterException(
            "invalid auxiliary address " + name + "=" + a + ": it does not belong to subnet " + s);
      }
    });
  }
}
