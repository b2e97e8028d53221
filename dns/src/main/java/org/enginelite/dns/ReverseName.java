package org.enginelite.dns;

import java.util.Optional;
import org.enginelite.driver.ipam.Ipv4Address;

/** IPv4 reverse names: {@code 2.0.18.172.in-addr.arpa} is 172.18.0.2 (RFC 1035 3.5). */
final class ReverseName {
  private static final String SUFFIX = ".in-addr.arpa";

  private ReverseName() {}

  /** The address a reverse name stands for; empty for anything that is not a full IPv4 reverse name. */
  static Optional<Ipv4Address> parse(String name) {
    if (!name.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String[] o = name.substring(0, name.length() - SUFFIX.length()).split("\\.");
    if (o.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(Ipv4Address.parse(o[3] + "." + o[2] + "." + o[1] + "." + o[0]));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
