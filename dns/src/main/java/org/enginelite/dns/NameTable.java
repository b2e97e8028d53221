package org.enginelite.dns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.enginelite.driver.ipam.Ipv4Address;

/**
 * Names per network: each endpoint (a container on a network) registers its names (container name, aliases,
 * short id) with its address. A name held by several endpoints resolves to all their addresses, which is how
 * Docker load-balances an alias over containers. Writes (container start, connect, stop) are rare and copy the
 * affected network's index; lookups read an immutable snapshot without locking.
 */
public final class NameTable {
  private volatile Map<String, NetworkNames> networks = Map.of();

  /** An endpoint's names and address. */
  private record Entry(List<String> names, Ipv4Address address) {}

  /** One network's endpoints and the indexes built from them. */
  private record NetworkNames(Map<String, Entry> endpoints, Map<String, List<Ipv4Address>> byName,
      Map<Ipv4Address, String> byAddress) {

    static NetworkNames of(Map<String, Entry> endpoints) {
      Map<String, List<Ipv4Address>> byName = new HashMap<>();
      Map<Ipv4Address, String> byAddress = new HashMap<>();
      endpoints.values().forEach(e -> {
        e.names.forEach(n -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(e.address));
        byAddress.putIfAbsent(e.address, e.names.get(0));
      });
      byName.replaceAll((k, v) -> List.copyOf(v));
      return new NetworkNames(Map.copyOf(endpoints), Map.copyOf(byName), Map.copyOf(byAddress));
    }
  }

  /**
   * Registers (or replaces) the names of endpoint {@code endpointId} on {@code networkId}. The first name is the
   * one PTR queries answer with (the container name).
   */
  public synchronized void register(String networkId, String endpointId, Collection<String> names,
      Ipv4Address address) {
    Set<String> normalized = new LinkedHashSet<>();
    names.stream().filter(n -> n != null && !n.isBlank()).forEach(n -> normalized.add(normalize(n)));
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException("an endpoint needs at least one name");
    }
    NetworkNames current = networks.get(networkId);
    Map<String, Entry> endpoints = new LinkedHashMap<>(current == null ? Map.of() : current.endpoints);
    endpoints.put(endpointId, new Entry(List.copyOf(normalized), address));
    replace(networkId, endpoints);
  }

  /** Removes an endpoint's names; safe to repeat. */
  public synchronized void unregister(String networkId, String endpointId) {
    NetworkNames current = networks.get(networkId);
    if (current == null || !current.endpoints.containsKey(endpointId)) {
      return;
    }
    Map<String, Entry> endpoints = new LinkedHashMap<>(current.endpoints);
    endpoints.remove(endpointId);
    replace(networkId, endpoints);
  }

  /** Removes a network and all its names; safe to repeat. */
  public synchronized void removeNetwork(String networkId) {
    Map<String, NetworkNames> next = new HashMap<>(networks);
    next.remove(networkId);
    networks = Map.copyOf(next);
  }

  private void replace(String networkId, Map<String, Entry> endpoints) {
    Map<String, NetworkNames> next = new HashMap<>(networks);
    if (endpoints.isEmpty()) {
      next.remove(networkId);
    } else {
      next.put(networkId, NetworkNames.of(endpoints));
    }
    networks = Map.copyOf(next);
  }

  /** Addresses of {@code name} on any of {@code networkIds}, without duplicates, in network order. */
  public List<Ipv4Address> lookup(Collection<String> networkIds, String name) {
    String n = normalize(name);
    Map<String, NetworkNames> snapshot = networks;
    Set<Ipv4Address> out = new LinkedHashSet<>();
    for (String id : networkIds) {
      NetworkNames names = snapshot.get(id);
      if (names != null) {
        out.addAll(names.byName.getOrDefault(n, List.of()));
      }
    }
    return List.copyOf(out);
  }

  /** The first name registered for {@code address} on any of {@code networkIds}. */
  public Optional<String> reverse(Collection<String> networkIds, Ipv4Address address) {
    Map<String, NetworkNames> snapshot = networks;
    for (String id : networkIds) {
      NetworkNames names = snapshot.get(id);
      if (names != null && names.byAddress.containsKey(address)) {
        return Optional.of(names.byAddress.get(address));
      }
    }
    return Optional.empty();
  }

  /** The names a container sees: those of the networks {@code networkIds} returns at query time. */
  public LocalNames view(Supplier<? extends Collection<String>> networkIds) {
    return new LocalNames() {
      @Override
      public List<Ipv4Address> lookup(String name) {
        return NameTable.this.lookup(networkIds.get(), name);
      }

      @Override
      public Optional<String> reverse(Ipv4Address address) {
        return NameTable.this.reverse(networkIds.get(), address);
      }
    };
  }

  /** DNS names compare case-insensitively and without the root's trailing dot. */
  static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
