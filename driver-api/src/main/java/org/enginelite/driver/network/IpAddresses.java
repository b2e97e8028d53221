package org.enginelite.driver.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/**
 * Parses IP address literals without ever asking a resolver: {@link InetAddress#getByName} looks up anything that
 * is not a literal, so the text is checked to be one first.
 */
public final class IpAddresses {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpAddresses() {}

  /** An IPv4 or IPv6 literal; anything else is an {@link InvalidParameterException} naming {@code what}. */
  public static InetAddress parse(String text, String what) {
    if (text == null || !(isIpv4Literal(text) || IPV6.matcher(text).matches())) {
      throw new InvalidParameterException("invalid " + what + ": \"" + text + "\"");
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new InvalidParameterException("invalid " + what + ": \"" + text + "\"", e);
    }
  }

  /** As {@link #parse(String, String)} with the words "IP address". */
  public static InetAddress parse(String text) {
    return parse(text, "IP address");
  }

  private static boolean isIpv4Literal(String text) {
    var m = IPV4.matcher(text);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
  }
}
