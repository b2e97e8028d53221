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
import org.enginelite.driver.network.Cidr;
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
import org.enginelite.kernel.KernelException;
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
  /** Bridge indexes by network id, as last seen: a join then needs no lookup. */
  private final Map<String, Integer> bridgeIndexes = new ConcurrentHashMap<>();
  /** What join made, by endpoint id, for a quick leave; empty after a restart. */
  private final Map<String, Joined> joined = new ConcurrentHashMap<>();
  /** Endpoints whose veth pair is being deleted in the background. */
  private final Set<String> removing = ConcurrentHashMap.newKeySet();

  private record Joined(int hostIndex, int containerIndex, Cidr address) {}

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
    bridgeIndexes.remove(networkId);
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
    int bridge = bridgeIndex(network, false);
    NetNs container = NetNs.open(spec.netns());
    InetAddress gateway = spec.defaultGateway() && !network.internal() ? network.gateway() : null;
    Rtnetlink inContainer = containers.acquire(container, endpoint.id());
    try {
      CreateVethPair veth;
      try {
        veth = plug(spec, network, container, inContainer, gateway, bridge);
      } catch (KernelException e) {
        // The bridge's index is remembered from an earlier join; a bridge made again since has another one.
        int fresh = bridgeIndex(network, true);
        if (fresh == bridge) {
          throw e;
        }
        veth = plug(spec, network, container, inContainer, gateway, fresh);
      }
      joined.put(endpoint.id(), new Joined(veth.hostIndex(), veth.containerIndex(), endpoint.address()));
    } catch (RuntimeException e) {
      containers.release(endpoint.id());
      throw e;
    }
    return new JoinInfo(spec.interfaceName(), Optional.ofNullable(gateway));
  }

  /** The endpoint's veth pair, on the bridge, configured inside the container; nothing of it left on failure. */
  private CreateVethPair plug(JoinSpec spec, NetworkSpec network, NetNs container, Rtnetlink inContainer,
      InetAddress gateway, int bridgeIndex) {
    EndpointSpec endpoint = spec.endpoint();
    IfName hostEnd = BridgeNames.hostVeth(endpoint.id());
    CreateVethPair veth = new CreateVethPair(links, container, hostEnd, spec.interfaceName(), endpoint.mac(),
        network.bridgeOptions().mtu(), bridgeIndex);
    new StepQueue()
        .add(veth)
        .add(new ConfigureBridgePort(links, hostEnd, veth::hostIndex, !network.bridgeOptions().enableIcc()))
        .add(new ConfigureContainerInterface(container, inContainer, spec.interfaceName(), veth::containerIndex,
            endpoint.address(), gateway))
        .run();
    return veth;
  }

  /** The index of the network's bridge, as last seen unless {@code fresh}; NotFound when the bridge is gone. */
  private int bridgeIndex(NetworkSpec network, boolean fresh) {
    Integer known = fresh ? null : bridgeIndexes.get(network.id());
    if (known != null) {
      return known;
    }
    Link bridge = links.get(BridgeNames.bridge(network).value()).filter(Link::isBridge).orElseThrow(() ->
        new NotFoundException("bridge " + BridgeNames.bridge(network) + " of network " + network.name()
            + " is missing"));
    bridgeIndexes.put(network.id(), bridge.index());
    return bridge.index();
  }

  /** Returns once both ends are gone (the container's interface with the host's), not once the kernel freed them. */
  @Override
  public void leave(String networkId, String endpointId) {
    joined.remove(endpointId);
    try {
      if (!removing.contains(endpointId)) {
        links.remove(BridgeNames.hostVeth(endpointId).value());
      }
    } finally {
      containers.release(endpointId); // the container's socket pins its namespace: never keep it past the endpoint
    }
  }

  /**
   * Takes the interface out of the running container's way with three changes in one datagram there (down, its
   * address removed, renamed to a tombstone name), so a new join at once finds its name, address and MAC free;
   * deleting the pair, which waits for the kernel's RCU grace periods, goes on in the background. The host end
   * keeps its name (the endpoint id is never joined again) until then: a crash meanwhile leaves an unknown elv
   * link, which reconciliation deletes. An endpoint joined before a restart is removed as {@link #leave} does.
   */
  @Override
  public void leaveRunning(String networkId, String endpointId) {
    Joined j = joined.remove(endpointId);
    Rtnetlink inContainer = containers.of(endpointId);
    if (j == null || inContainer == null) {
      leave(networkId, endpointId);
      return;
    }
    try {
      inContainer.batch()
          .setUp(j.containerIndex(), false)
          .deleteAddress(j.containerIndex(), j.address())
          .rename(j.containerIndex(), BridgeNames.tombstone(endpointId))
          .run();
      removing.add(endpointId);
      links.removeInBackground(j.hostIndex(), () -> removing.remove(endpointId));
    } catch (RuntimeException e) {
      leave(networkId, endpointId);
      return;
    }
    containers.release(endpointId);
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
    bridgeIndexes.keySet().retainAll(knownNetworkIds);
    joined.keySet().retainAll(knownEndpointIds);
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
