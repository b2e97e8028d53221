package org.enginelite.driver.network;

import java.net.Inet4Address;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/** A 48-bit Ethernet address in canonical form, lower case with colons: {@code 02:42:ac:11:00:02}. */
public record MacAddress(String value) {
  private static final Pattern FORM = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

  public MacAddress {
    value = value == null ? null : value.toLowerCase(Locale.ROOT).replace('-', ':');
    if (value == null || !FORM.matcher(value).matches()) {
      throw new InvalidParameterException("invalid MAC address: \"" + value + "\"");
    }
  }

  public static MacAddress parse(String text) {
    return new MacAddress(text);
  }

  public static MacAddress of(byte[] bytes) {
    if (bytes == null || bytes.length != 6) {
      throw new InvalidParameterException("a MAC address has 6 bytes");
    }
    return new MacAddress(HexFormat.ofDelimiter(":").formatHex(bytes));
  }

  /**
   * The MAC Docker gives an IPv4 endpoint: the locally administered prefix 02:42 followed by the four address
   * bytes, so the address can be read back from the MAC (libnetwork netutils.GenerateMACFromIP).
   */
  public static MacAddress fromIpv4(Inet4Address ip) {
    byte[] a = ip.getAddress();
    return of(new byte[] {0x02, 0x42, a[0], a[1], a[2], a[3]});
  }

  public byte[] bytes() {
    return HexFormat.ofDelimiter(":").parseHex(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
