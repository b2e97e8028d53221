package org.enginelite.engine.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of a container's {@code /etc/hosts}, {@code /etc/hostname} and {@code /etc/resolv.conf}, as
 * Docker writes them: on user-defined networks the resolver is the engine's embedded DNS at 127.0.0.11; on the
 * default bridge it is the host's resolvers without loopback ones (which mean nothing inside the container's
 * namespace), falling back to Docker's public defaults when none remain; in host mode the host's files.
 */
public final class ContainerEtcFiles {
  public static final String EMBEDDED_DNS = "127.0.0.11";
  private static final List<String> FALLBACK_NAMESERVERS = List.of("8.8.8.8", "8.8.4.4");
  private static final Path SYSTEMD_RESOLVED = Path.of("/run/systemd/resolve/resolv.conf");

  private ContainerEtcFiles() {}

  /** /etc/hosts: Docker's fixed localhost lines, then one line per address of the container. */
  public static String hosts(String hostname, List<String> ownAddresses, List<String> extraHosts) {
    StringBuilder b = new StringBuilder()
        .append("127.0.0.1\tlocalhost\n")
        .append("::1\tlocalhost ip6-localhost ip6-loopback\n")
        .append("fe00::0\tip6-localnet\n")
        .append("ff00::0\tip6-mcastprefix\n")
        .append("ff02::1\tip6-allnodes\n")
        .append("ff02::2\tip6-allrouters\n");
    for (String extra : extraHosts) {
      int colon = extra.indexOf(':');
      if (colon > 0) {
        b.append(extra.substring(colon + 1)).append('\t').append(extra, 0, colon).append('\n');
      }
    }
    for (String ip : ownAddresses) {
      b.append(ip).append('\t').append(hostname).append('\n');
    }
    return b.toString();
  }

  /**
   * /etc/resolv.conf. {@code hostResolvConf} is the text of the host's file; {@code dns}, {@code search} and
   * {@code options} are HostConfig.Dns, DnsSearch and DnsOptions, which replace the host's values when given.
   */
  public static String resolvConf(boolean embeddedDns, String hostResolvConf, List<String> dns, List<String> search,
      List<String> options) {
    List<String> nameservers = new ArrayList<>();
    List<String> hostSearch = new ArrayList<>();
    List<String> hostOptions = new ArrayList<>();
    for (String line : hostResolvConf.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 2 || f[0].startsWith("#") || f[0].startsWith(";")) {
        continue;
      }
      switch (f[0]) {
        case "nameserver" -> nameservers.add(f[1]);
        case "search", "domain" -> hostSearch.addAll(List.of(f).subList(1, f.length));
        case "options" -> hostOptions.addAll(List.of(f).subList(1, f.length));
        default -> { }
      }
    }
    StringBuilder b = new StringBuilder();
    List<String> searchOut = search.isEmpty() ? hostSearch : search;
    if (!searchOut.isEmpty()) {
      b.append("search ").append(String.join(" ", searchOut)).append('\n');
    }
    if (embeddedDns) {
      // The embedded server forwards other names to the external resolvers (Docker's ExtServers).
      b.append("nameserver ").append(EMBEDDED_DNS).append('\n');
      List<String> opts = new ArrayList<>(options.isEmpty() ? hostOptions : options);
      if (opts.stream().noneMatch(o -> o.startsWith("ndots:"))) {
        opts.add(0, "ndots:0");
      }
      b.append("options ").append(String.join(" ", opts)).append('\n');
      return b.toString();
    }
    List<String> servers = dns.isEmpty()
        ? nameservers.stream().filter(ns -> !isLoopback(ns)).toList() : dns;
    for (String ns : servers.isEmpty() ? FALLBACK_NAMESERVERS : servers) {
      b.append("nameserver ").append(ns).append('\n');
    }
    List<String> opts = options.isEmpty() ? hostOptions : options;
    if (!opts.isEmpty()) {
      b.append("options ").append(String.join(" ", opts)).append('\n');
    }
    return b.toString();
  }

  private static boolean isLoopback(String ns) {
    return ns.startsWith("127.") || ns.equals("::1");
  }

  /**
   * The host's resolver configuration: /etc/resolv.conf, or systemd-resolved's upstream file when /etc lists
   * only its 127.0.0.53 stub.
   */
  public static String hostResolvConf() {
    String etc = readOrEmpty(Path.of("/etc/resolv.conf"));
    boolean onlyStub = etc.lines().map(String::trim).filter(l -> l.startsWith("nameserver"))
        .allMatch(l -> l.endsWith("127.0.0.53")) && etc.contains("127.0.0.53");
    return onlyStub && Files.isRegularFile(SYSTEMD_RESOLVED) ? readOrEmpty(SYSTEMD_RESOLVED) : etc;
  }

  static String readOrEmpty(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Replaces the file's contents in place: the file may be bind-mounted into a running container. */
  public static void write(Path file, String contents) {
    try {
      Files.writeString(file, contents);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
