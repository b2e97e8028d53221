package org.enginelite.dns.files;

import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.enginelite.driver.InternalException;

/**
 * A resolv.conf (resolv.conf(5)): nameservers, search domains, options. Read from the host, rendered for a
 * container the way Docker does: on user-defined networks the only nameserver is the embedded server at
 * 127.0.0.11 (which forwards to the host's resolvers) with {@code ndots:0}; on the default bridge the host's own
 * nameservers, without those on the host's loopback, which a container cannot reach.
 *
 * @param nameservers nameserver addresses as written
 * @param search search domains
 * @param options option words ({@code ndots:1}, {@code edns0})
 */
public record ResolvConf(List<String> nameservers, List<String> search, List<String> options) {
  public static final Path HOST_FILE = Path.of("/etc/resolv.conf");
  public static final Path SYSTEMD_RESOLVED_FILE = Path.of("/run/systemd/resolve/resolv.conf");
  /** The stub systemd-resolved puts in /etc/resolv.conf; its real upstreams are in {@link #SYSTEMD_RESOLVED_FILE}. */
  static final String SYSTEMD_STUB = "127.0.0.53";
  /** Docker's fallback when the host has no nameserver a container can use. */
  static final List<String> DEFAULT_NAMESERVERS = List.of("8.8.8.8", "8.8.4.4");

  public ResolvConf {
    nameservers = List.copyOf(nameservers);
    search = List.copyOf(search);
    options = List.copyOf(options);
  }

  /** Parses resolv.conf text; unknown lines and comments are ignored, the last search/domain line wins. */
  public static ResolvConf parse(String text) {
    List<String> ns = new ArrayList<>();
    List<String> search = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      String[] f = line.split("\\s+");
      switch (f[0]) {
        case "nameserver" -> {
          if (f.length > 1) {
            ns.add(f[1]);
          }
        }
        case "search", "domain" -> {
          search.clear();
          search.addAll(Arrays.asList(f).subList(1, f.length));
        }
        case "options" -> options.addAll(Arrays.asList(f).subList(1, f.length));
        default -> { }
      }
    }
    return new ResolvConf(ns, search, options);
  }

  public static ResolvConf read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new InternalException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The host's configuration from the standard places. */
  public static ResolvConf host() {
    return host(HOST_FILE, SYSTEMD_RESOLVED_FILE);
  }

  /**
   * The host's configuration: {@code etcFile}, or {@code systemdFile} when {@code etcFile} lists only the
   * systemd-resolved stub and {@code systemdFile} exists. A missing {@code etcFile} is an empty configuration.
   */
  public static ResolvConf host(Path etcFile, Path systemdFile) {
    if (!Files.exists(etcFile)) {
      return new ResolvConf(List.of(), List.of(), List.of());
    }
    ResolvConf etc = read(etcFile);
    if (etc.nameservers().equals(List.of(SYSTEMD_STUB)) && Files.exists(systemdFile)) {
      return read(systemdFile);
    }
    return etc;
  }

  /** The nameservers as socket addresses on port 53 (literal addresses only; names are skipped). */
  public List<InetSocketAddress> upstreams() {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String ns : nameservers) {
      String literal = ns.contains("%") ? ns.substring(0, ns.indexOf('%')) : ns;
      InetAddress a = NetUtil.createInetAddressFromIpAddressString(literal);
      if (a != null) {
        out.add(new InetSocketAddress(a, 53));
      }
    }
    return out;
  }

  /** For a container on a user-defined network: the embedded server, host (or container) search and options. */
  public String renderForEmbeddedDns(ContainerDns own) {
    List<String> options = new ArrayList<>(own.options().isEmpty() ? this.options : own.options());
    if (options.stream().noneMatch(o -> o.startsWith("ndots:"))) {
      options.add("ndots:0"); // names with a dot go to the embedded server as they are, as in Docker
    }
    return render(List.of("127.0.0.11"), search(own), options);
  }

  /** For a container on the default bridge: its own or the host's nameservers that a container can reach. */
  public String renderForDefaultBridge(ContainerDns own) {
    List<String> ns = own.servers().isEmpty()
        ? nameservers.stream().filter(n -> !isLoopback(n)).toList()
        : own.servers();
    if (ns.isEmpty()) {
      ns = DEFAULT_NAMESERVERS;
    }
    return render(ns, search(own), own.options().isEmpty() ? options : own.options());
  }

  private List<String> search(ContainerDns own) {
    if (own.search().equals(List.of("."))) {
      return List.of();
    }
    return own.search().isEmpty() ? search : own.search();
  }

  private static boolean isLoopback(String ns) {
    InetAddress a = NetUtil.createInetAddressFromIpAddressString(ns.contains("%") ? ns.substring(0, ns.indexOf('%')) : ns);
    return a != null && a.isLoopbackAddress();
  }

  private static String render(List<String> nameservers, List<String> search, List<String> options) {
    StringBuilder b = new StringBuilder();
    nameservers.forEach(n -> b.append("nameserver ").append(n).append('\n'));
    if (!search.isEmpty()) {
      b.append("search ").append(String.join(" ", search)).append('\n');
    }
    if (!options.isEmpty()) {
      b.append("options ").append(String.join(" ", options)).append('\n');
    }
    return b.toString();
  }
}
