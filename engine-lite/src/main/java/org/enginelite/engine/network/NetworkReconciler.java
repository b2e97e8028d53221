package org.enginelite.engine.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.enginelite.driver.network.NetworkDriver;
import org.enginelite.driver.network.Reconciling;

/**
 * Brings the records and the kernel back in line after the daemon was killed: endpoints of containers that no
 * longer exist are dropped with their leases, reservations of containers that no longer run are released, and
 * the driver removes its own kernel objects that belong to no known network or live endpoint.
 */
final class NetworkReconciler {
  private final NetworkStore store;
  private final NetworkDriver driver;
  private final ContainerNetworking networking;

  NetworkReconciler(NetworkStore store, NetworkDriver driver, ContainerNetworking networking) {
    this.store = store;
    this.driver = driver;
    this.networking = networking;
  }

  /**
   * @param existing ids of every container the engine knows
   * @param running ids of the containers whose process runs
   * @return what was repaired, one line each, for the log
   */
  List<String> reconcile(Set<String> existing, Set<String> running) {
    List<String> repaired = new ArrayList<>();
    Set<String> gone = new HashSet<>();
    for (EndpointRecord e : store.endpoints()) {
      if (!existing.contains(e.containerId())) {
        gone.add(e.containerId());
      }
    }
    for (String containerId : gone) {
      networking.remove(containerId);
      repaired.add("released the endpoints of removed container " + Ids.shortId(containerId));
    }
    store.state().transact(() -> {
      for (PortReservation r : store.reservations()) {
        if (!running.contains(r.containerId())) {
          store.deleteReservation(r);
          repaired.add("released host port " + r.hostIp() + ":" + r.hostPort() + "/" + r.proto()
              + " of stopped container " + Ids.shortId(r.containerId()));
        }
      }
    });
    if (driver instanceof Reconciling reconciling) {
      Set<String> networkIds = new HashSet<>();
      store.networks().stream().filter(NetworkRecord::isBridge).forEach(n -> networkIds.add(n.id()));
      Set<String> liveEndpoints = new HashSet<>();
      store.endpoints().stream().filter(e -> running.contains(e.containerId())).forEach(e -> liveEndpoints.add(e.id()));
      reconciling.reconcile(networkIds, liveEndpoints);
    }
    return repaired;
  }
}
