package org.enginelite.dns.files;

import java.util.List;
import java.util.Optional;
import org.enginelite.driver.ipam.Ipv4Address;

/**
 * A container's /etc/hosts as Docker writes it: the loopback and IPv6 well-known lines, {@code --add-host}
 * entries, then one line per address of the container with its hostname.
 */
public final class HostsFile {
  private static final String DEFAULT_LINES = """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      ff00::0\tip6-mcastprefix
      ff02::1\tip6-allnodes
      ff02::2\tip6-allrouters
      """;

  private HostsFile() {}

  /**
   * One {@code --add-host name:address} entry.
   *
   * @param name the host name
   * @param address the address, as given
   */
  public record ExtraHost(String name, String address) {
    /** Parses {@code name:address} (the address may be IPv6, so only the first colon splits). */
    public static ExtraHost parse(String spec) {
      int colon = spec.indexOf(':');
      if (colon <= 0 || colon == spec.length() - 1) {
        throw new org.enginelite.driver.InvalidParameterException(
            "invalid argument \"" + spec + "\" for \"--add-host\" flag: bad format for add-host: \"" + spec + "\"");
      }
      return new ExtraHost(spec.substring(0, colon), spec.substring(colon + 1));
    }
  }

  /**
   * Renders the file.
   *
   * @param hostname the container's hostname (its short id unless {@code --hostname})
   * @param domainname {@code --domainname}, if any: the line then reads {@code ip host.domain host}
   * @param addresses the container's addresses, one per network, in attach order
   * @param extraHosts {@code --add-host} entries
   */
  public static String render(String hostname, Optional<String> domainname, List<Ipv4Address> addresses,
      List<ExtraHost> extraHosts) {
    StringBuilder b = new StringBuilder(DEFAULT_LINES);
    extraHosts.forEach(h -> b.append(h.address()).append('\t').append(h.name()).append('\n'));
    String names = domainname.filter(d -> !d.isEmpty()).map(d -> hostname + "." + d + " " + hostname)
        .orElse(hostname);
    addresses.forEach(a -> b.append(a).append('\t').append(names).append('\n'));
    return b.toString();
  }
}
