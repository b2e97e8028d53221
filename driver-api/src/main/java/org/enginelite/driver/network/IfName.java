package org.enginelite.driver.network;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/** A Linux interface name: at most 15 bytes (IFNAMSIZ 16 with the NUL, netdevice(7)), no slash or space. */
public record IfName(String value) {
  /** Prefix of every link the engine creates, so crash recovery and coexistence with Docker find its own. */
  public static final String ENGINE_PREFIX = "el";
  public static final int MAX_BYTES = 15;
  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9_.\\-]+");

  public IfName {
    if (value == null || value.isEmpty()) {
      throw new InvalidParameterException("interface name must not be empty");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidParameterException("interface name \"" + value + "\" is longer than " + MAX_BYTES + " bytes");
    }
    if (!LEGAL.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      throw new InvalidParameterException("interface name \"" + value + "\" has characters Linux does not allow");
    }
  }

  public static IfName of(String value) {
    return new IfName(value);
  }

  /** The name of a container's n-th interface: eth0, eth1, ... in the order its networks were joined. */
  public static IfName eth(int index) {
    if (index < 0) {
      throw new InvalidParameterException("interface index must not be negative: " + index);
    }
    return new IfName("eth" + index);
  }

  /** True for names the engine gives its own links. */
  public boolean isEngineOwned() {
    return value.startsWith(ENGINE_PREFIX);
  }

  @Override
  public String toString() {
    return value;
  }
}
