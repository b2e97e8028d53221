package org.enginelite.ipam;

import java.util.List;
import java.util.Optional;
import org.enginelite.driver.UnavailableException;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.ipam.Ipv4Cidr;

/** Picks the first default subnet that overlaps nothing in use, jumping over each conflict in one step. */
final class DefaultPoolPicker {
  static final String NO_POOL =
      "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network";

  private DefaultPoolPicker() {}

  static Ipv4Cidr pick(DefaultAddressPools pools, List<Ipv4Cidr> inUse) {
    for (DefaultAddressPools.Entry e : pools.entries()) {
      Optional<Ipv4Cidr> found = pick(e, inUse);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new UnavailableException(NO_POOL);
  }

  private static Optional<Ipv4Cidr> pick(DefaultAddressPools.Entry e, List<Ipv4Cidr> inUse) {
    long block = 1L << (32 - e.size());
    long start = e.base().first().unsigned();
    long end = e.base().last().unsigned() + 1;
    long c = start;
    while (c < end) {
      Ipv4Cidr candidate = new Ipv4Cidr(Ipv4Address.ofUnsigned(c), e.size());
      long conflictEnd = -1;
      for (Ipv4Cidr u : inUse) {
        if (u.overlaps(candidate)) {
          conflictEnd = Math.max(conflictEnd, u.last().unsigned() + 1);
        }
      }
      if (conflictEnd < 0) {
        return Optional.of(candidate);
      }
      long next = Math.max(c + block, conflictEnd);
      c = start + (next - start + block - 1) / block * block;
    }
    return Optional.empty();
  }
}
