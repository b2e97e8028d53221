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
    addresses.forEach(a -> b.append(line(hostname, domainname, a)));
    return b.toString();
  }

  /**
   * {@code content} with the container's line for {@code address} appended (a network connected while the
   * container runs), unless the address has a line already. Lines the container wrote itself stay.
   */
  public static String withAddress(String content, String hostname, Optional<String> domainname,
      Ipv4Address address) {
    if (hasLineFor(content, address)) {
      return content;
    }
    String base = content.isEmpty() || content.endsWith("\n") ? content : content + "\n";
    return base + line(hostname, domainname, address);
  }

  /** {@code content} without the lines for {@code address} (a network disconnected while the container runs). */
  public static String withoutAddress(String content, Ipv4Address address) {
    StringBuilder b = new StringBuilder();
    content.lines().filter(l -> !startsWithAddress(l, address)).forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }

  private static boolean hasLineFor(String content, Ipv4Address address) {
    return content.lines().anyMatch(l -> startsWithAddress(l, address));
  }

  private static boolean startsWithAddress(String line, Ipv4Address address) {
    String[] fields = line.trim().split("\\s+", 2);
    return fields[0].equals(address.toString());
  }

  private static String line(String hostname, Optional<String> domainname, Ipv4Address address) {
    String names = domainname.filter(d -> !d.isEmpty()).map(d -> hostname + "." + d + " " + hostname)
        .orElse(hostname);
    return address + "\t" + names + "\n";
  }
}
