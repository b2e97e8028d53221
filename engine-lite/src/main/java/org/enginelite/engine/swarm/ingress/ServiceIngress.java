package org.enginelite.engine.swarm.ingress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enginelite.engine.service.PublishedPort;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.Task;
import org.enginelite.engine.service.TaskState;
import org.enginelite.ingress.Frontend;
import org.enginelite.ingress.FrontendOptions;
import org.enginelite.ingress.FrontendStats;
import org.enginelite.ingress.LoadBalancer;
import org.enginelite.ingress.Listener;

/**
 * Keeps one load-balancer frontend per published port of every service, listening on all host addresses, with
 * the running tasks of the service as backends (task address on the service's first network, target port).
 * {@link #sync} is called after every change of services or tasks; it only binds, rebinds or closes what
 * differs, and {@link Listener#setBackends} keeps established connections (removed backends drain).
 */
public final class ServiceIngress implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ServiceIngress.class.getName());

  /** Where the kernel lists the TCP congestion control algorithms it has. */
  public static final Path AVAILABLE_CONGESTION_CONTROL = Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control");

  /** One published port of one service. */
  public record Key(String service, int published, PublishedPort.Protocol protocol) {}

  private record Bound(PublishedPort port, Listener listener) {}

  private final LoadBalancer lb;
  private final InetAddress bindAddress;
  private final TaskAddresses addresses;
  private final FrontendOptions tcpOptions = tcpOptions(AVAILABLE_CONGESTION_CONTROL);
  private final Map<Key, Bound> frontends = new LinkedHashMap<>();
  /** Container id to address: a container keeps its address for its life, so each is asked once. */
  private final Map<String, InetAddress> known = new HashMap<>();

  public ServiceIngress(LoadBalancer lb, InetAddress bindAddress, TaskAddresses addresses) {
    this.lb = lb;
    this.bindAddress = bindAddress;
    this.addresses = addresses;
  }

  /**
   * Options of the TCP frontends. Every backend is a task on this host's networks, so the connections to them use
   * cubic where the kernel has it: a paced algorithm such as bbr, some distributions' default, spends CPU on every
   * packet of a local hop and holds one stream well below what the hop carries.
   */
  public static FrontendOptions tcpOptions(Path availableAlgorithms) {
    try {
      List<String> names = List.of(Files.readString(availableAlgorithms).trim().split("\\s+"));
      if (names.contains("cubic")) {
        return FrontendOptions.DEFAULTS.withBackendCongestionControl("cubic");
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "no congestion control list at " + availableAlgorithms + ": " + e);
    }
    return FrontendOptions.DEFAULTS;
  }

  /** Brings the frontends in line with {@code services} and their {@code tasks} (any service's, any state). */
  public synchronized void sync(Collection<ServiceSpec> services, Collection<Task> tasks) {
    Map<Key, ServiceSpec> wanted = new LinkedHashMap<>();
    Map<Key, PublishedPort> ports = new HashMap<>();
    for (ServiceSpec s : services) {
      for (PublishedPort p : s.ports()) {
        Key k = new Key(s.name(), p.published(), p.protocol());
        wanted.put(k, s);
        ports.put(k, p);
      }
    }
    for (Key k : List.copyOf(frontends.keySet())) {
      Bound b = frontends.get(k);
      if (!wanted.containsKey(k) || b.port().target() != ports.get(k).target()) {
        b.listener().close();
        frontends.remove(k);
      }
    }
    Set<String> live = new HashSet<>();
    for (Map.Entry<Key, ServiceSpec> e : wanted.entrySet()) {
      ServiceSpec spec = e.getValue();
      PublishedPort port = ports.get(e.getKey());
      List<InetSocketAddress> backends = backends(spec, port, tasks, live);
      Bound b = frontends.get(e.getKey());
      if (b == null) {
        bind(e.getKey(), port, backends);
      } else if (!b.listener().backends().equals(backends)) {
        b.listener().setBackends(backends);
      }
    }
    known.keySet().retainAll(live);
  }

  private void bind(Key key, PublishedPort port, List<InetSocketAddress> backends) {
    InetSocketAddress listen = new InetSocketAddress(bindAddress, port.published());
    Frontend f =
        port.protocol() == PublishedPort.Protocol.UDP ? Frontend.udp(listen) : Frontend.tcp(listen).withOptions(tcpOptions);
    try {
      frontends.put(key, new Bound(port, lb.listen(f, backends)));
    } catch (RuntimeException e) {
      // The port may be held by something else on the host; the next sync tries again.
      LOG.log(Level.WARNING, "service " + key.service() + ": cannot publish " + port + ": " + e.getMessage());
    }
  }

  private List<InetSocketAddress> backends(ServiceSpec spec, PublishedPort port, Collection<Task> tasks,
      Set<String> live) {
    String network = spec.networks().isEmpty() ? "bridge" : spec.networks().get(0).network();
    List<InetSocketAddress> out = new ArrayList<>();
    tasks.stream()
        .filter(t -> t.service().equals(spec.name()) && t.wantedRunning()
            && t.currentState() == TaskState.RUNNING && t.containerId() != null)
        .sorted(java.util.Comparator.comparingInt(Task::slot))
        .forEach(t -> {
          live.add(t.containerId());
          Optional<InetAddress> a = Optional.ofNullable(known.get(t.containerId()))
              .or(() -> addresses.address(t.containerId(), network));
          a.ifPresent(addr -> {
            known.put(t.containerId(), addr);
            out.add(new InetSocketAddress(addr, port.target()));
          });
        });
    return out;
  }

  /** Counters of every frontend, by service and published port. */
  public synchronized Map<Key, FrontendStats> stats() {
    Map<Key, FrontendStats> out = new LinkedHashMap<>();
    frontends.forEach((k, b) -> out.put(k, b.listener().stats()));
    return out;
  }

  /** The published ports that have a bound frontend now. */
  public synchronized Set<Key> bound() {
    return Set.copyOf(frontends.keySet());
  }

  @Override
  public synchronized void close() {
    frontends.values().forEach(b -> b.listener().close());
    frontends.clear();
  }
}
