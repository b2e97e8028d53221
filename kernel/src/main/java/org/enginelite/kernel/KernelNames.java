package org.enginelite.kernel;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/**
 * The one place that says how the engine names its kernel objects. Everything the engine creates in the kernel
 * carries the {@code el} prefix (iptables chains {@code EL-}), so it coexists with Docker on one host and crash
 * recovery can tell its own objects from everyone else's.
 */
public final class KernelNames {
  /** Prefix of every link, network namespace file and mount directory the engine creates. */
  public static final String PREFIX = "el";
  /** Prefix of every iptables chain the engine creates. */
  public static final String CHAIN_PREFIX = "EL-";
  /** IFNAMSIZ is 16 including the terminating NUL (see netdevice(7)). */
  public static final int MAX_IFNAME_BYTES = 15;

  private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private KernelNames() {}

  /** True for names of links and namespaces that this engine owns. */
  public static boolean isOurs(String kernelName) {
    return kernelName.startsWith(PREFIX);
  }

  /** True for iptables chains that this engine owns. */
  public static boolean isOurChain(String chain) {
    return chain.startsWith(CHAIN_PREFIX);
  }

  /** Checks that {@code name} is a legal Linux interface name; returns it unchanged. */
  public static String checkIfName(String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidParameterException("interface name must not be empty");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IFNAME_BYTES) {
      throw new InvalidParameterException(
          "interface name \"" + name + "\" is longer than " + MAX_IFNAME_BYTES + " bytes");
    }
    if (!IFNAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new InvalidParameterException("interface name \"" + name + "\" has characters Linux does not allow");
    }
    return name;
  }

  /** An engine-owned interface name: the prefix, a role letter sequence and a unique suffix, cut to fit. */
  public static String ifName(String role, String uniqueSuffix) {
    String name = PREFIX + role + uniqueSuffix;
    return checkIfName(name.length() > MAX_IFNAME_BYTES ? name.substring(0, MAX_IFNAME_BYTES) : name);
  }
}
