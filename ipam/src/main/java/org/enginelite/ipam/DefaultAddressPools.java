package org.enginelite.ipam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.ipam.Ipv4Cidr;

/**
 * The address pools networks get subnets from when they ask for none: dockerd's
 * {@code --default-address-pool base=172.80.0.0/16,size=24}. Each entry splits {@code base} into subnets of
 * prefix length {@code size}, tried in order.
 *
 * @param entries the pools in the order they are tried
 */
public record DefaultAddressPools(List<Entry> entries) {

  public DefaultAddressPools {
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new InvalidParameterException("no default address pools given");
    }
  }

  /**
   * One base network and the size of the subnets cut from it.
   *
   * @param base the network subnets are cut from
   * @param size the prefix length of each subnet, from base's prefix length to 32
   */
  public record Entry(Ipv4Cidr base, int size) {
    public Entry {
      if (!base.hostBitsZero()) {
        throw new InvalidParameterException("invalid default address pool base " + base + ": it should be "
            + base.network());
      }
      if (size < base.prefixLength() || size > 32) {
        throw new InvalidParameterException("invalid default address pool " + base + " size " + size
            + ": size must be between " + base.prefixLength() + " and 32");
      }
    }

    /** Number of subnets the entry holds. */
    public long count() {
      return 1L << (size - base.prefixLength());
    }
  }

  /** Docker's defaults: 172.17.0.0/16 to 172.31.0.0/16 as /16s, then 192.168.0.0/16 as /20s. */
  public static DefaultAddressPools docker() {
    List<Entry> e = new ArrayList<>();
    e.add(new Entry(Ipv4Cidr.parse("172.17.0.0/16"), 16));
    for (int second = 18; second <= 31; second++) {
      e.add(new Entry(Ipv4Cidr.parse("172." + second + ".0.0/16"), 16));
    }
    e.add(new Entry(Ipv4Cidr.parse("192.168.0.0/16"), 20));
    return new DefaultAddressPools(e);
  }

  /** Parses one or more {@code --default-address-pool} values; none gives {@link #docker()}. */
  public static DefaultAddressPools parse(List<String> flagValues) {
    if (flagValues.isEmpty()) {
      return docker();
    }
    List<Entry> e = new ArrayList<>();
    for (String v : flagValues) {
      e.add(parseEntry(v));
    }
    return new DefaultAddressPools(e);
  }

  /** Parses {@code base=10.10.0.0/16,size=24} (keys in any order and case, as dockerd accepts them). */
  public static Entry parseEntry(String flagValue) {
    Ipv4Cidr base = null;
    Integer size = null;
    for (String field : flagValue.split(",")) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new InvalidParameterException("invalid field '" + field + "' must be a key=value pair in '"
            + flagValue + "'");
      }
      String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = field.substring(eq + 1).trim();
      switch (key) {
        case "base" -> base = Ipv4Cidr.parse(value);
        case "size" -> size = parseSize(value, flagValue);
        default -> throw new InvalidParameterException("unexpected key '" + key + "' in '" + flagValue + "'");
      }
    }
    if (base == null || size == null) {
      throw new InvalidParameterException("default address pool '" + flagValue + "' needs both base= and size=");
    }
    return new Entry(base, size);
  }

  private static int parseSize(String value, String flagValue) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid size '" + value + "' in '" + flagValue + "'");
    }
  }
}
