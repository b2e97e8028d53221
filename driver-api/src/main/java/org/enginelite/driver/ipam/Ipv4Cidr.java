package org.enginelite.driver.ipam;

import org.apache.commons.net.util.SubnetUtils;
import org.enginelite.driver.InvalidParameterException;

/**
 * An IPv4 address with a prefix length: a subnet ({@code 172.18.0.0/16}) or an interface address
 * ({@code 172.18.0.2/16}, host bits set). {@link #network()} gives the subnet either way.
 *
 * @param address the address as written, host bits kept
 * @param prefixLength 0 to 32
 */
public record Ipv4Cidr(Ipv4Address address, int prefixLength) implements Comparable<Ipv4Cidr> {

  public Ipv4Cidr {
    if (address == null) {
      throw new IllegalArgumentException("address is required");
    }
    if (prefixLength < 0 || prefixLength > 32) {
      throw new InvalidParameterException("invalid prefix length /" + prefixLength + ": must be 0 to 32");
    }
  }

  /** Parses {@code a.b.c.d/n}; one clear 400 error naming the text otherwise. */
  public static Ipv4Cidr parse(String text) {
    if (text == null || !text.contains("/")) {
      throw new InvalidParameterException("invalid CIDR address \"" + text + "\": expected a.b.c.d/n");
    }
    try {
      SubnetUtils.SubnetInfo info = new SubnetUtils(text).getInfo();
      int prefix = Integer.parseInt(text.substring(text.indexOf('/') + 1));
      return new Ipv4Cidr(new Ipv4Address(info.asInteger(info.getAddress())), prefix);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid CIDR address \"" + text + "\"");
    }
  }

  /** Parses a subnet and insists the host bits are zero, as Docker does for {@code --subnet}. */
  public static Ipv4Cidr parseSubnet(String text) {
    Ipv4Cidr cidr = parse(text);
    if (!cidr.hostBitsZero()) {
      throw new InvalidParameterException("invalid subnet " + text + ": it should be " + cidr.network());
    }
    return cidr;
  }

  /** The subnet mask as an int ({@code /24} → 0xFFFFFF00). */
  public int maskBits() {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  public Ipv4Address netmask() {
    return new Ipv4Address(maskBits());
  }

  /** The subnet this address belongs to, host bits cleared. */
  public Ipv4Cidr network() {
    return hostBitsZero() ? this : new Ipv4Cidr(new Ipv4Address(address.bits() & maskBits()), prefixLength);
  }

  /** True when this is a subnet rather than an interface address. */
  public boolean hostBitsZero() {
    return (address.bits() & ~maskBits()) == 0;
  }

  /** The lowest address of the subnet (the network address). */
  public Ipv4Address first() {
    return new Ipv4Address(address.bits() & maskBits());
  }

  /** The highest address of the subnet (the broadcast address). */
  public Ipv4Address last() {
    return new Ipv4Address(address.bits() | ~maskBits());
  }

  /** Number of addresses in the subnet, network and broadcast included (2^(32-prefix)). */
  public long size() {
    return 1L << (32 - prefixLength);
  }

  public boolean contains(Ipv4Address a) {
    return (a.bits() & maskBits()) == (address.bits() & maskBits());
  }

  /** True when {@code other} lies wholly inside this subnet. */
  public boolean contains(Ipv4Cidr other) {
    return other.prefixLength >= prefixLength && contains(other.address);
  }

  /** True when the two subnets share at least one address (for prefixes, that means one contains the other). */
  public boolean overlaps(Ipv4Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** The same address with another prefix length. */
  public Ipv4Cidr withPrefix(int prefix) {
    return new Ipv4Cidr(address, prefix);
  }

  @Override
  public int compareTo(Ipv4Cidr other) {
    int c = first().compareTo(other.first());
    return c != 0 ? c : Integer.compare(prefixLength, other.prefixLength);
  }

  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }
}
