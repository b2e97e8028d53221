package org.enginelite.engine.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enginelite.driver.state.StateStore;

/**
 * The network buckets of the engine's one state store. Endpoints are keyed {@code containerId/networkId}, so a
 * container's endpoints are one prefix scan; port reservations are keyed {@code proto/port/ip}, so a clash check
 * is one prefix scan. Every method joins the caller's transaction when there is one.
 *
 * <p>Networks are read on every request that names one and change rarely, so the decoded records (immutable) are
 * kept in memory between changes: a change forgets them, and they are read again only once its transaction
 * ended, committed or rolled back.
 */
public final class NetworkStore {
  static final String NETWORKS = "networks";
  static final String ENDPOINTS = "endpoints";
  static final String PORTS = "ports";

  private final StateStore store;
  /** The committed networks by id, in the store's order; null when not known. */
  private volatile Map<String, NetworkRecord> networksById;
  /** A network change was written and its transaction has not ended: the store is the only truth. */
  private volatile boolean changing;
  /** Counts changes, so a read that overlapped one is not kept. */
  private long generation;

  public NetworkStore(StateStore store) {
    this.store = store;
  }

  public StateStore state() {
    return store;
  }

  public Optional<NetworkRecord> network(String id) {
    Map<String, NetworkRecord> known = networksById;
    if (known != null && !changing) {
      return Optional.ofNullable(known.get(id));
    }
    return store.get(NETWORKS, id, NetworkRecord.class);
  }

  public List<NetworkRecord> networks() {
    Map<String, NetworkRecord> known = networksById;
    if (known == null || changing) {
      long before = generation();
      known = new LinkedHashMap<>(store.list(NETWORKS, NetworkRecord.class));
      keep(known, before);
    }
    return new ArrayList<>(known.values());
  }

  public void putNetwork(NetworkRecord network) {
    changing();
    try {
      store.put(NETWORKS, network.id(), network);
    } finally {
      settleAfterwards();
    }
  }

  public void deleteNetwork(String id) {
    changing();
    try {
      store.delete(NETWORKS, id);
    } finally {
      settleAfterwards();
    }
  }

  /** True while the committed networks are kept in memory (reads need no store access). */
  boolean keepsNetworks() {
    return networksById != null && !changing;
  }

  private synchronized long generation() {
    return generation;
  }

  private synchronized void keep(Map<String, NetworkRecord> read, long generationBefore) {
    if (!changing && generation == generationBefore) {
      networksById = read;
    }
  }

  private synchronized void changing() {
    changing = true;
    generation++;
    networksById = null;
  }

  /**
   * Once the change's transaction ended, either way, the networks may be kept again. Registered after the write,
   * outside this monitor (it takes the store's lock): outside a transaction it runs at once, the write done.
   */
  private void settleAfterwards() {
    store.afterEnd(this::settled);
  }

  private synchronized void settled() {
    generation++;
    networksById = null;
    changing = false;
  }

  /** A container's endpoints in interface order (eth0 first). */
  public List<EndpointRecord> endpointsOfContainer(String containerId) {
    List<EndpointRecord> out = new ArrayList<>(
        store.listByPrefix(ENDPOINTS, containerId + "/", EndpointRecord.class).values());
    out.sort(Comparator.comparingInt(EndpointRecord::interfaceIndex));
    return out;
  }

  public Optional<EndpointRecord> endpoint(String containerId, String networkId) {
    return store.get(ENDPOINTS, containerId + "/" + networkId, EndpointRecord.class);
  }

  /** Every endpoint on a network, ordered by container id. */
  public List<EndpointRecord> endpointsOfNetwork(String networkId) {
    return store.list(ENDPOINTS, EndpointRecord.class).values().stream()
        .filter(e -> e.networkId().equals(networkId)).toList();
  }

  public List<EndpointRecord> endpoints() {
    return new ArrayList<>(store.list(ENDPOINTS, EndpointRecord.class).values());
  }

  public void putEndpoint(EndpointRecord endpoint) {
    store.put(ENDPOINTS, endpoint.containerId() + "/" + endpoint.networkId(), endpoint);
  }

  public void deleteEndpoint(EndpointRecord endpoint) {
    store.delete(ENDPOINTS, endpoint.containerId() + "/" + endpoint.networkId());
  }

  /** Reservations that hold {@code hostPort}/{@code proto} on any address. */
  public List<PortReservation> reservationsOfPort(String proto, int hostPort) {
    return new ArrayList<>(store.listByPrefix(PORTS, PortReservation.portPrefix(proto, hostPort),
        PortReservation.class).values());
  }

  public List<PortReservation> reservations() {
    return new ArrayList<>(store.list(PORTS, PortReservation.class).values());
  }

  public List<PortReservation> reservationsOfContainer(String containerId) {
    return reservations().stream().filter(r -> r.containerId().equals(containerId)).toList();
  }

  public void putReservation(PortReservation reservation) {
    store.put(PORTS, reservation.key(), reservation);
  }

  public void deleteReservation(PortReservation reservation) {
    store.delete(PORTS, reservation.key());
  }
}
