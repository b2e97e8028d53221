package org.enginelite.engine.dns;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.enginelite.dns.DnsForwarder;
import org.enginelite.dns.DnsTransport;
import org.enginelite.dns.EmbeddedDnsServer;
import org.enginelite.dns.NameTable;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.engine.network.EndpointListener;
import org.enginelite.engine.network.EndpointRecord;
import org.enginelite.engine.network.NetworkRecord;
import org.enginelite.kernel.ns.NetNs;

/**
 * Keeps the name table and the per-container servers in step with running endpoints. As in Docker, only
 * user-defined bridge networks have names: a container there is found by its name, its aliases on that network
 * and its short id, by containers on the same network; on the default bridge nothing is registered and no server
 * runs. A container's server starts with its first such endpoint and, as Docker's resolver does (started once
 * per sandbox), stays until the container stops: a disconnect from its last user-defined network leaves it
 * answering no container names, and a later connect finds it running. It is started again only when a connect
 * needs the other forwarding choice (an internal network forwards nothing).
 */
public final class ContainerNameService implements EndpointListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ContainerNameService.class.getName());

  private final NameTable table = new NameTable();
  private final DnsTransport transport;
  private final DnsForwarder forwarder;
  private final Function<String, Optional<NetworkRecord>> networks;
  private final Function<String, List<InetSocketAddress>> ownUpstreams;
  private final Map<List<InetSocketAddress>, DnsForwarder> ownForwarders = new HashMap<>();
  private final Map<String, Running> servers = new HashMap<>();

  /** A container's server and the upstream it forwards to (null: none, for internal networks). */
  private record Running(EmbeddedDnsServer server, DnsForwarder upstream) {}
  private final Map<String, Set<String>> networksOf = new HashMap<>();

  /**
   * @param forwarder where names outside the table go; null when the host has no resolvers
   * @param networks the stored network by id
   */
  public ContainerNameService(DnsTransport transport, DnsForwarder forwarder,
      Function<String, Optional<NetworkRecord>> networks) {
    this(transport, forwarder, networks, id -> List.of());
  }

  /**
   * @param ownUpstreams a container's own resolvers ({@code --dns}) by container id, empty for the host's
   */
  public ContainerNameService(DnsTransport transport, DnsForwarder forwarder,
      Function<String, Optional<NetworkRecord>> networks, Function<String, List<InetSocketAddress>> ownUpstreams) {
    this.transport = transport;
    this.forwarder = forwarder;
    this.networks = networks;
    this.ownUpstreams = ownUpstreams;
  }

  public NameTable table() {
    return table;
  }

  @Override
  public synchronized void attached(EndpointRecord e, Path netns) {
    Optional<NetworkRecord> n = networks.apply(e.networkId());
    if (n.isEmpty() || !n.get().isBridge() || n.get().isDefaultBridge() || e.ip().isEmpty()) {
      return;
    }
    table.register(e.networkId(), e.containerId(), names(e, n.get().name()), Ipv4Address.parse(e.ip()));
    Set<String> nets = networksOf.computeIfAbsent(e.containerId(), k -> ConcurrentHashMap.newKeySet());
    boolean wasIdle = nets.isEmpty();
    nets.add(e.networkId());
    Running running = servers.get(e.containerId());
    if (running != null && !wasIdle) {
      return;
    }
    // Internal networks reach nothing outside, names included (Docker answers them from the table only). A
    // container's own forwarder does not change while it runs: a server that forwards already has it.
    DnsForwarder upstream = n.get().internal() ? null
        : running != null && running.upstream() != null ? running.upstream() : forwarderFor(e.containerId());
    if (running != null) {
      if (running.upstream() == upstream) {
        return;
      }
      servers.remove(e.containerId()).server().close(); // idle with the other forwarding choice
    }
    try {
      servers.put(e.containerId(), new Running(
          EmbeddedDnsServer.startInNamespace(NetNs.open(netns), transport, table.view(() -> nets), upstream),
          upstream));
    } catch (RuntimeException ex) {
      LOG.log(Level.WARNING, "container " + e.containerName() + " has no embedded DNS: " + ex.getMessage(), ex);
    }
  }

  @Override
  public synchronized void detached(EndpointRecord e) {
    table.unregister(e.networkId(), e.containerId());
    Set<String> nets = networksOf.get(e.containerId());
    if (nets == null) {
      return;
    }
    nets.remove(e.networkId());
  }

  /** The container's namespace goes: its server stops. */
  @Override
  public synchronized void containerStopped(String containerId) {
    networksOf.remove(containerId);
    Running running = servers.remove(containerId);
    if (running != null) {
      running.server().close();
    }
  }

  /** The container's own resolvers when it has some (one forwarder per distinct list), else the host's. */
  private DnsForwarder forwarderFor(String containerId) {
    List<InetSocketAddress> own = ownUpstreams.apply(containerId);
    if (own.isEmpty()) {
      return forwarder;
    }
    return ownForwarders.computeIfAbsent(own, l -> new DnsForwarder(transport, l, DnsExtension.UPSTREAM_TIMEOUT));
  }

  /** True while a server runs for the container (for tests and inspection). */
  public synchronized boolean serving(String containerId) {
    return servers.containsKey(containerId);
  }

  /**
   * Docker's names of an endpoint: the container name, its aliases on the network, its short id, and each of
   * them qualified by the network name ({@code web.my_bridge}), which Docker's resolver also answers.
   */
  static Set<String> names(EndpointRecord e, String networkName) {
    Set<String> plain = new LinkedHashSet<>();
    if (e.containerName() != null && !e.containerName().isEmpty()) {
      plain.add(e.containerName());
    }
    plain.addAll(e.aliases());
    plain.add(e.containerId().substring(0, Math.min(12, e.containerId().length())));
    Set<String> names = new LinkedHashSet<>(plain);
    plain.forEach(n -> names.add(n + "." + networkName));
    return names;
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(r -> r.server().close());
    servers.clear();
    networksOf.clear();
    ownForwarders.values().forEach(DnsForwarder::close);
    ownForwarders.clear();
  }
}
