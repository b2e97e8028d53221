package org.enginelite.engine.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.ForbiddenException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.ipam.IpamDriver;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.enginelite.driver.ipam.Pool;
import org.enginelite.driver.ipam.PoolRequest;
import org.enginelite.driver.network.BridgeOptions;
import org.enginelite.driver.network.NetworkDriver;

/**
 * Networks as users see them: create, remove, prune, find, list. The record, the IPAM pool and the driver's
 * kernel objects are made in one store transaction, so a failure at any step leaves none of them behind; the
 * kernel part runs last, and a crash between it and the commit leaves only kernel objects, which reconciliation
 * removes.
 */
public final class NetworkService {
  /** Docker's default bridge, here on the engine's own device so it coexists with docker0. */
  public static final String DEFAULT_BRIDGE_DEVICE = "el0";

  private final NetworkStore store;
  private final IpamDriver ipam;
  private final NetworkDriver bridge;

  public NetworkService(NetworkStore store, IpamDriver ipam, NetworkDriver bridge) {
    this.store = store;
    this.ipam = ipam;
    this.bridge = bridge;
  }

  public NetworkStore store() {
    return store;
  }

  /** Makes {@code bridge}, {@code host} and {@code none} when the store has none of them yet. */
  public void ensurePredefined() {
    store.state().transact(() -> {
      List<NetworkRecord> existing = store.networks();
      if (existing.stream().noneMatch(n -> n.predefined() && n.name().equals(NetworkRecord.BRIDGE))) {
        String id = Ids.random();
        Pool pool = ipam.requestPool(PoolRequest.dynamic(id));
        Map<String, String> options = new LinkedHashMap<>();
        options.put("com.docker.network.bridge.default_bridge", "true");
        options.put(BridgeOptions.ENABLE_ICC, "true");
        options.put(BridgeOptions.ENABLE_IP_MASQUERADE, "true");
        options.put(BridgeOptions.HOST_BINDING_IPV4, "0.0.0.0");
        options.put(BridgeOptions.BRIDGE_NAME, DEFAULT_BRIDGE_DEVICE);
        options.put(BridgeOptions.MTU, "1500");
        store.putNetwork(new NetworkRecord(id, NetworkRecord.BRIDGE, NetworkRecord.BRIDGE, now(), false, false,
            true, Map.of(), options, List.of(subnetOf(pool))));
      }
      for (String[] special : new String[][] {{"host", NetworkRecord.HOST}, {"none", NetworkRecord.NULL}}) {
        if (existing.stream().noneMatch(n -> n.predefined() && n.name().equals(special[0]))) {
          store.putNetwork(new NetworkRecord(Ids.random(), special[0], special[1], now(), false, false, true,
              Map.of(), Map.of(), List.of()));
        }
      }
    });
  }

  /** Ensures the kernel objects of every stored bridge network (after a restart, before anything joins). */
  public List<String> restoreKernelObjects() {
    List<String> failures = new ArrayList<>();
    for (NetworkRecord n : store.networks()) {
      if (n.isBridge()) {
        try {
          bridge.createNetwork(NetworkSpecs.of(n));
        } catch (RuntimeException e) {
          failures.add("network " + n.name() + ": " + e.getMessage());
        }
      }
    }
    return failures;
  }

  public NetworkRecord create(NetworkCreateRequest req) {
    checkDriver(req.driver());
    BridgeOptions options = BridgeOptions.parse(req.options());
    if (req.subnets().size() > 1) {
      throw new InvalidParameterException("only one IPv4 subnet per network is supported, got "
          + req.subnets().size());
    }
    Optional<SubnetRequest> subnet = req.subnets().stream().findFirst();
    String id = Ids.random();
    PoolRequest poolRequest = poolRequest(id, subnet);
    return store.state().transact(() -> {
      List<NetworkRecord> existing = store.networks();
      if (existing.stream().anyMatch(n -> n.name().equals(req.name()))) {
        throw new ConflictException("network with name " + req.name() + " already exists");
      }
      options.bridgeName().ifPresent(b -> existing.stream()
          .filter(n -> b.value().equals(n.options().get(BridgeOptions.BRIDGE_NAME))).findFirst()
          .ifPresent(n -> {
            throw new ConflictException("conflicts with network " + n.id() + " (" + n.name()
                + "): networks have same bridge name");
          }));
      Pool pool = ipam.requestPool(poolRequest);
      NetworkRecord record = new NetworkRecord(id, req.name(), NetworkRecord.BRIDGE, now(), req.internal(),
          req.attachable(), false, req.labels(), req.options(), List.of(subnetOf(pool)));
      store.putNetwork(record);
      bridge.createNetwork(NetworkSpecs.of(record));
      return record;
    });
  }

  private static void checkDriver(String driver) {
    if (driver.equals(NetworkRecord.BRIDGE)) {
      return;
    }
    if (driver.equals(NetworkRecord.HOST) || driver.equals(NetworkRecord.NULL)) {
      throw new ForbiddenException("only one instance of \"" + driver + "\" network is allowed");
    }
    throw new NotFoundException("plugin \"" + driver + "\" not found");
  }

  private static PoolRequest poolRequest(String id, Optional<SubnetRequest> subnet) {
    if (subnet.isEmpty() || subnet.get().subnet() == null) {
      SubnetRequest s = subnet.orElse(null);
      if (s != null && (s.ipRange() != null || s.gateway() != null || !s.auxAddresses().isEmpty())) {
        throw new InvalidParameterException("invalid pool request: --ip-range, --gateway and --aux-address "
            + "need a --subnet");
      }
      return PoolRequest.dynamic(id);
    }
    SubnetRequest s = subnet.get();
    Map<String, Ipv4Address> aux = new LinkedHashMap<>();
    s.auxAddresses().forEach((name, ip) -> aux.put(name, Ipv4Address.parse(ip)));
    return new PoolRequest(id, Optional.of(Ipv4Cidr.parseSubnet(s.subnet())),
        Optional.ofNullable(s.ipRange()).map(Ipv4Cidr::parseSubnet),
        Optional.ofNullable(s.gateway()).map(Ipv4Address::parse), aux);
  }

  private static SubnetConfig subnetOf(Pool pool) {
    Map<String, String> aux = pool.auxAddresses().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    String range = pool.ipRange().equals(pool.subnet()) ? null : pool.ipRange().toString();
    return new SubnetConfig(pool.id(), pool.subnet().toString(), range, pool.gateway().toString(), aux);
  }

  /** Removes a network without endpoints: its kernel objects, its pool and its record, in one transaction. */
  public void remove(String ref) {
    store.state().transact(() -> {
      NetworkRecord n = find(ref);
      if (n.predefined()) {
        throw new ForbiddenException(n.name() + " is a pre-defined network and cannot be removed");
      }
      List<EndpointRecord> endpoints = store.endpointsOfNetwork(n.id());
      if (!endpoints.isEmpty()) {
        throw new ForbiddenException("error while removing network: network " + n.name() + " id " + n.id()
            + " has active endpoints (" + endpoints.stream()
                .map(e -> "name:\"" + e.containerName() + "\" id:\"" + Ids.shortId(e.id()) + "\"")
                .collect(Collectors.joining(", ")) + ")");
      }
      store.deleteNetwork(n.id());
      n.subnets().forEach(s -> ipam.releasePool(s.poolId()));
      bridge.deleteNetwork(n.id());
    });
  }

  /** Removes every user-defined network without endpoints that passes {@code filters}; returns their names. */
  public List<String> prune(NetworkFilters filters) {
    List<String> removed = new ArrayList<>();
    for (NetworkRecord n : store.networks()) {
      if (n.predefined() || !filters.matches(n, 0)) {
        continue;
      }
      try {
        remove(n.id());
        removed.add(n.name());
      } catch (ForbiddenException | NotFoundException e) {
        // in use, or removed meanwhile: prune skips it, as Docker does
      }
    }
    return removed;
  }

  public NetworkRecord find(String ref) {
    return NetworkLookup.find(store.networks(), ref);
  }

  public List<NetworkRecord> list(NetworkFilters filters) {
    List<EndpointRecord> endpoints = store.endpoints();
    return store.networks().stream()
        .filter(n -> filters.matches(n, (int) endpoints.stream().filter(e -> e.networkId().equals(n.id())).count()))
        .toList();
  }

  private static String now() {
    return Instant.now().toString();
  }
}
