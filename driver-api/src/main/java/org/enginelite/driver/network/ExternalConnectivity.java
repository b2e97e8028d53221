package org.enginelite.driver.network;

import java.util.List;

/**
 * Optional ability of a driver whose endpoints can be reached from outside the host: published ports (Docker's
 * {@code -p}). Found by {@code instanceof}.
 */
public interface ExternalConnectivity {

  /**
   * Publishes {@code bindings} for a joined endpoint: the host ports are reserved (held, so no other program can
   * take them) and traffic to them is forwarded to the endpoint's address. A binding whose host port is 0 gets a
   * free port chosen by the kernel. Returns the bindings as published, with every host port filled in.
   * Calling it again for the same endpoint replaces its previous bindings.
   *
   * @throws org.enginelite.driver.ConflictException when a host port is taken, with Docker's message
   *     {@code Bind for 0.0.0.0:8080 failed: port is already allocated}; nothing is published then
   */
  List<PortBinding> programExternalConnectivity(EndpointSpec endpoint, List<PortBinding> bindings);

  /** Unpublishes every binding of the endpoint and releases its host ports. Idempotent. */
  void revokeExternalConnectivity(String networkId, String endpointId);
}
