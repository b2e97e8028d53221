package org.enginelite.driver.ipam;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.commons.net.util.SubnetUtils;
import org.enginelite.driver.InvalidParameterException;

/**
 * One IPv4 address held as its 32 bits, so address arithmetic is integer arithmetic. Orders as an unsigned
 * number (10.0.0.1 before 192.168.0.1).
 *
 * @param bits the address in network order as a (signed) int
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

  /** Parses dotted-quad notation ({@code 172.18.0.2}); one clear 400 error otherwise. */
  public static Ipv4Address parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidParameterException("invalid IPv4 address \"\": empty");
    }
    try {
      // Commons Net validates each octet and the overall shape; /32 makes the text a valid CIDR for it.
      return new Ipv4Address(new SubnetUtils(text + "/32").getInfo().asInteger(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid IPv4 address \"" + text + "\"");
    }
  }

  /** The address whose unsigned value is {@code value} (0 to 2^32-1). */
  public static Ipv4Address ofUnsigned(long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not an IPv4 address value: " + value);
    }
    return new Ipv4Address((int) value);
  }

  /** Converts a JDK address. */
  public static Ipv4Address of(Inet4Address address) {
    byte[] b = address.getAddress();
    return new Ipv4Address((b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF));
  }

  /** The address as an unsigned number. */
  public long unsigned() {
    return Integer.toUnsignedLong(bits);
  }

  /** The address {@code offset} positions further (may wrap past 255.255.255.255; callers stay in a CIDR). */
  public Ipv4Address plus(long offset) {
    return new Ipv4Address((int) (unsigned() + offset));
  }

  /** The four bytes in network order. */
  public byte[] toBytes() {
    return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
  }

  public Inet4Address toInetAddress() {
    try {
      return (Inet4Address) InetAddress.getByAddress(toBytes());
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always a valid IPv4 address", e);
    }
  }

  @Override
  public int compareTo(Ipv4Address other) {
    return Integer.compareUnsigned(bits, other.bits);
  }

  @Override
  public String toString() {
    return (bits >>> 24) + "." + (bits >>> 16 & 0xFF) + "." + (bits >>> 8 & 0xFF) + "." + (bits & 0xFF);
  }
}
