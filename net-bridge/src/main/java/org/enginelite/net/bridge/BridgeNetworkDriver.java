package org.enginelite.net.bridge;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.ExternalConnectivity;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.InterfaceInfo;
import org.enginelite.driver.network.JoinInfo;
import org.enginelite.driver.network.JoinSpec;
import org.enginelite.driver.network.MacAddress;
import org.enginelite.driver.network.NetworkDriver;
import org.enginelite.driver.network.NetworkSpec;
import org.enginelite.driver.network.PortBinding;
import org.enginelite.driver.network.Reconciling;
import org.enginelite.kernel.netlink.Link;
import org.enginelite.kernel.netlink.Links;
import org.enginelite.kernel.netlink.Rtnetlink;
import org.enginelite.kernel.ns.NetNs;
import org.enginelite.net.bridge.iptables.Firewall;
import org.enginelite.net.bridge.iptables.Iptables;
import org.enginelite.net.bridge.iptables.NetworkRules;
import org.enginelite.net.bridge.iptables.PortRules;
import org.enginelite.net.bridge.ports.PortReservations;
import org.enginelite.net.bridge.setup.AssignBridgeAddress;
import org.enginelite.net.bridge.setup.ConfigureBridgePort;
import org.enginelite.net.bridge.setup.ConfigureContainerInterface;
import org.enginelite.net.bridge.setup.CreateBridgeDevice;
import org.enginelite.net.bridge.setup.CreateVethPair;
import org.enginelite.net.bridge.setup.EnableForwarding;
import org.enginelite.net.bridge.setup.InstallNetworkRules;
import org.enginelite.net.bridge.setup.StepQueue;

/**
 * Docker's bridge driver on rtnetlink and iptables. Networks are kept in memory (the engine re-creates them after
 * a restart, which is cheap because creating means ensuring); endpoints are not: every call carries what it needs,
 * and kernel objects are found again by name (elv + endpoint id), alias (el:net:id) or firewall tag.
 */
public final class BridgeNetworkDriver implements NetworkDriver, ExternalConnectivity, Reconciling, AutoCloseable {
  public static final String NAME = "bridge";

  private final HostNamespace host;
  private final Links links;
  private final Firewall firewall;
  private final PortReservations ports;
  private final ContainerNamespaces containers = new ContainerNamespaces();
  private final Map<String, NetworkSpec> networks = new ConcurrentHashMap<>();

  /** A driver acting in {@code host}; the caller keeps ownership of {@code host}. */
  public BridgeNetworkDriver(HostNamespace host) {
    this.host = host;
    this.links = host.rtnetlink().links();
    this.firewall = new Firewall(new Iptables(host));
    this.ports = new PortReservations(host);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public synchronized void createNetwork(NetworkSpec spec) {
    IfName bridge = BridgeNames.bridge(spec);
    for (NetworkSpec other : networks.values()) {
      if (!other.id().equals(spec.id()) && BridgeNames.bridge(other).equals(bridge)) {
        throw new ConflictException("bridge " + bridge + " is already used by network " + other.name());
      }
    }
    Optional<Link> existing = links.get(bridge.value());
    if (existing.isPresent() && !existing.get().isBridge()) {
      throw new ConflictException("cannot create bridge " + bridge + ": a " + existing.get().kind()
          + " link of that name exists");
    }
    new StepQueue()
        .alongside(new InstallNetworkRules(firewall, BridgeNames.networkTag(spec.id()), NetworkRules.of(spec, bridge)))
        .add(new CreateBridgeDevice(links, bridge, spec.bridgeOptions().mtu(), bridgeMac(spec),
            BridgeNames.alias(spec.id())))
        .add(new AssignBridgeAddress(links, host.rtnetlink().addresses(), bridge, spec.gatewayCidr()))
        .add(new EnableForwarding(host, bridge, spec.internal()))
        .run();
    networks.put(spec.id(), spec);
  }

  @Override
  public synchronized void deleteNetwork(String networkId) {
    NetworkSpec spec = networks.remove(networkId);
    // The rules go in a child process while the links go here. Links.remove returns once the bridge is gone from
    // the namespace; the kernel frees it after an RCU grace period that nobody needs to wait for.
    Firewall.Change rules = firewall.startRemove(BridgeNames.networkTag(networkId));
    RuntimeException failure = null;
    try {
      Optional<Link> bridge = spec != null ? links.get(BridgeNames.bridge(spec).value()) : findBridge(networkId);
      if (bridge.isPresent()) {
        int index = bridge.get().index();
        for (Link l : links.listByPrefix(BridgeNames.VETH_PREFIX)) {
          if (l.masterIndex() == index) {
            links.remove(l.index());
          }
        }
        links.remove(index);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      rules.await();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public InterfaceInfo createEndpoint(EndpointSpec spec) {
    NetworkSpec network = network(spec.networkId());
    if (!network.subnet().contains(spec.address().address())
        || spec.address().prefixLength() != network.subnet().prefixLength()) {
      throw new InvalidParameterException("endpoint address " + spec.address() + " is not in subnet "
          + network.subnet() + " of network " + network.name());
    }
    return new InterfaceInfo(spec.mac(), spec.address(), BridgeNames.hostVeth(spec.id()));
  }

  @Override
  public JoinInfo join(JoinSpec spec) {
    EndpointSpec endpoint = spec.endpoint();
    NetworkSpec network = network(endpoint.networkId());
    createEndpoint(endpoint); // validates the address against the network
    Link bridge = links.get(BridgeNames.bridge(network).value()).orElseThrow(() ->
        new NotFoundException("bridge " + BridgeNames.bridge(network) + " of network " + network.name()
            + " is missing"));
    NetNs container = NetNs.open(spec.netns());
    InetAddress gateway = spec.defaultGateway() && !network.internal() ? network.gateway() : null;
    IfName hostEnd = BridgeNames.hostVeth(endpoint.id());
    Rtnetlink inContainer = containers.acquire(container, endpoint.id());
    try {
      new StepQueue()
          .add(new CreateVethPair(links, container, hostEnd, spec.interfaceName(), endpoint.mac(),
              network.bridgeOptions().mtu(), bridge.index()))
          .add(new ConfigureBridgePort(links, hostEnd, !network.bridgeOptions().enableIcc()))
          .add(new ConfigureContainerInterface(container, inContainer, spec.interfaceName(), endpoint.address(),
              gateway))
          .run();
    } catch (RuntimeException e) {
      containers.release(endpoint.id());
      throw e;
    }
    return new JoinInfo(spec.interfaceName(), Optional.ofNullable(gateway));
  }

  /** Returns once both ends are gone (the container's interface with the host's), not once the kernel freed them. */
  @Override
  public void leave(String networkId, String endpointId) {
    try {
      links.remove(BridgeNames.hostVeth(endpointId).value());
    } finally {
      containers.release(endpointId); // the container's socket pins its namespace: never keep it past the endpoint
    }
  }

  @Override
  public void deleteEndpoint(String networkId, String endpointId) {
    revokeExternalConnectivity(networkId, endpointId);
    leave(networkId, endpointId);
  }

  @Override
  public List<PortBinding> programExternalConnectivity(EndpointSpec endpoint, List<PortBinding> bindings) {
    NetworkSpec network = network(endpoint.networkId());
    if (network.internal()) {
      return List.of(); // Docker publishes nothing from an internal network
    }
    List<PortBinding> wanted = bindings.stream()
        .map(b -> b.allAddresses() && network.bridgeOptions().hostBindingIpv4().isPresent()
            ? new PortBinding(b.protocol(), network.bridgeOptions().hostBindingIpv4().get(), b.hostPort(),
                b.containerPort())
            : b)
        .toList();
    List<PortBinding> held = ports.reserve(endpoint.id(), wanted);
    try {
      firewall.replace(BridgeNames.endpointTag(endpoint.id()), PortRules.of(endpoint, held));
    } catch (RuntimeException e) {
      ports.release(endpoint.id());
      throw e;
    }
    return held;
  }

  @Override
  public void revokeExternalConnectivity(String networkId, String endpointId) {
    firewall.remove(BridgeNames.endpointTag(endpointId));
    ports.release(endpointId);
  }

  @Override
  public synchronized void reconcile(Set<String> knownNetworkIds, Set<String> knownEndpointIds) {
    networks.keySet().retainAll(knownNetworkIds);
    Set<String> knownVeths = new HashSet<>();
    Set<String> knownTags = new HashSet<>();
    for (String id : knownEndpointIds) {
      knownVeths.add(BridgeNames.hostVeth(id).value());
      knownTags.add(BridgeNames.endpointTag(id));
    }
    Set<String> knownBridges = new HashSet<>();
    for (String id : knownNetworkIds) {
      knownBridges.add(BridgeNames.bridgeForId(id).value());
      knownTags.add(BridgeNames.networkTag(id));
    }
    for (Link l : links.list()) {
      boolean ourBridge = l.isBridge() && ((l.alias() != null && l.alias().startsWith(BridgeNames.ALIAS_PREFIX))
          || l.name().startsWith(BridgeNames.BRIDGE_PREFIX));
      if (ourBridge) {
        boolean known = l.alias() != null && l.alias().startsWith(BridgeNames.ALIAS_PREFIX)
            ? knownNetworkIds.contains(l.alias().substring(BridgeNames.ALIAS_PREFIX.length()))
            : knownBridges.contains(l.name());
        if (!known) {
          links.delete(l.index());
        }
      } else if (l.isVeth() && l.name().startsWith(BridgeNames.VETH_PREFIX) && !knownVeths.contains(l.name())) {
        links.delete(l.index());
      }
    }
    firewall.retainTags(knownTags::contains);
    ports.retain(knownEndpointIds);
  }

  /** Releases every held port. Kernel objects stay: they belong to networks and endpoints the engine keeps. */
  @Override
  public void close() {
    containers.close();
    ports.retain(Set.of());
  }

  /** Docker's MAC scheme applied to the gateway address: unique in the network, since no endpoint has it. */
  private static MacAddress bridgeMac(NetworkSpec spec) {
    return spec.gateway() instanceof Inet4Address v4 ? MacAddress.fromIpv4(v4) : null;
  }

  private NetworkSpec network(String id) {
    NetworkSpec spec = networks.get(id);
    if (spec == null) {
      throw new NotFoundException("network " + id + " not found");
    }
    return spec;
  }

  private Optional<Link> findBridge(String networkId) {
    String alias = BridgeNames.alias(networkId);
    return links.list().stream()
        .filter(l -> l.isBridge() && (alias.equals(l.alias()) || l.name().equals(BridgeNames.bridgeForId(networkId)
            .value())))
        .findFirst();
  }
}
