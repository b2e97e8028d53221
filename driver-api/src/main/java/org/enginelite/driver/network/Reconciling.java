package org.enginelite.driver.network;

import java.util.Set;

/**
 * Optional ability of a driver that can bring the kernel back in line with the engine's records after a crash.
 * Found by {@code instanceof}. The engine calls it once at start, after {@link NetworkDriver#createNetwork} for
 * every known network and {@link ExternalConnectivity#programExternalConnectivity} for every live endpoint.
 */
public interface Reconciling {

  /**
   * Removes the driver's own kernel objects (links, firewall rules, chains) that belong to networks or endpoints
   * not in the given sets, and keeps the live ones. Objects that are not the driver's are never touched.
   */
  void reconcile(Set<String> knownNetworkIds, Set<String> knownEndpointIds);
}
