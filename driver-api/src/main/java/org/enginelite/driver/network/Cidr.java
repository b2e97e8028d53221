package org.enginelite.driver.network;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.enginelite.driver.InvalidParameterException;

/**
 * An address with a prefix length, IPv4 or IPv6: a subnet ({@code 172.18.0.0/16}) or an interface address in its
 * subnet ({@code 172.18.0.2/16}). {@link #isNetwork()} tells the two apart.
 */
public record Cidr(InetAddress address, int prefixLength) {

  public Cidr {
    if (address == null) {
      throw new InvalidParameterException("CIDR address must not be null");
    }
    int bits = address.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new InvalidParameterException(
          "invalid prefix length " + prefixLength + " for " + address.getHostAddress() + " (0.." + bits + ")");
    }
  }

  /** Parses {@code 10.1.0.0/16}; the address may have host bits set ({@code 10.1.0.7/16}). */
  public static Cidr parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new InvalidParameterException("invalid CIDR address: \"" + text + "\"");
    }
    InetAddress address = IpAddresses.parse(text.substring(0, slash), "CIDR address");
    String prefix = text.substring(slash + 1);
    if (!prefix.matches("\\d{1,3}")) {
      throw new InvalidParameterException("invalid CIDR address: \"" + text + "\"");
    }
    return new Cidr(address, Integer.parseInt(prefix));
  }

  public static Cidr of(InetAddress address, int prefixLength) {
    return new Cidr(address, prefixLength);
  }

  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }

  /** The subnet this address is in: host bits cleared. */
  public Cidr network() {
    return new Cidr(toAddress(bits().and(mask())), prefixLength);
  }

  /** True when no host bit is set (this names a subnet, not an interface address). */
  public boolean isNetwork() {
    return bits().and(mask().not()).and(all()).signum() == 0;
  }

  /** The first address of the subnet. */
  public InetAddress networkAddress() {
    return network().address();
  }

  /** The last address of the subnet (IPv4's broadcast address). */
  public InetAddress lastAddress() {
    return toAddress(bits().or(mask().not().and(all())));
  }

  /** True when {@code other} is inside this subnet (same family). */
  public boolean contains(InetAddress other) {
    if (other == null || other.getAddress().length != address.getAddress().length) {
      return false;
    }
    return new BigInteger(1, other.getAddress()).and(mask()).equals(bits().and(mask()));
  }

  /** True when the two subnets share at least one address. */
  public boolean overlaps(Cidr other) {
    return contains(other.address) || other.contains(address);
  }

  /** The netmask as an address ({@code 255.255.0.0}); meaningful for IPv4. */
  public InetAddress netmask() {
    return toAddress(mask());
  }

  /** The same address with another prefix length. */
  public Cidr withPrefixLength(int newPrefixLength) {
    return new Cidr(address, newPrefixLength);
  }

  @Override
  public String toString() {
    return address.getHostAddress() + "/" + prefixLength;
  }

  private int width() {
    return address.getAddress().length * 8;
  }

  private BigInteger bits() {
    return new BigInteger(1, address.getAddress());
  }

  private BigInteger all() {
    return BigInteger.ONE.shiftLeft(width()).subtract(BigInteger.ONE);
  }

  private BigInteger mask() {
    return all().shiftRight(prefixLength).not().and(all());
  }

  private InetAddress toAddress(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[width() / 8];
    int copy = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
