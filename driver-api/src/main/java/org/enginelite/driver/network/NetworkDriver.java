package org.enginelite.driver.network;

/**
 * A network driver as the engine sees it, in the shape of libnetwork's driverapi but typed.
 *
 * <p>Lifecycle of a container's attachment: {@link #createEndpoint} (an address and a MAC on a network), then
 * {@link #join} (an interface inside the container's network namespace), then {@link #leave} (the interface is
 * gone) and {@link #deleteEndpoint}. Creating means ensuring: a call for an object that already exists with the
 * same spec succeeds; deleting is idempotent: an object that is already gone is not an error. After a restart
 * the engine calls {@link #createNetwork} again for every network it knows before any other call, so a driver
 * may keep networks in memory.
 *
 * <p>Errors are {@link org.enginelite.driver.DriverException}s of the right kind; on failure a call leaves
 * nothing half-created behind.
 */
public interface NetworkDriver {

  /** The name users pass to {@code network create -d}: "bridge". */
  String name();

  /** Ensures the network's kernel objects (bridge, addresses, firewall rules) exist. */
  void createNetwork(NetworkSpec spec);

  /** Removes every kernel object of the network; a network that is not there is not an error. */
  void deleteNetwork(String networkId);

  /** Registers an endpoint on a created network and says what its interface will look like. */
  InterfaceInfo createEndpoint(EndpointSpec spec);

  /**
   * Puts the endpoint's interface into the container's network namespace under the requested name, with its
   * address, MAC and MTU, brings it and the namespace's loopback up, and, when asked, adds the default route via
   * the network's gateway.
   */
  JoinInfo join(JoinSpec spec);

  /** Takes the endpoint's interface out of the container; the endpoint may join again later. Idempotent. */
  void leave(String networkId, String endpointId);

  /**
   * As {@link #leave}, for a container that goes on running without this network (a live disconnect): when it
   * returns, the interface is out of the container's way (no name, address or route a new join could collide
   * with), while freeing the kernel objects may still be under way. A driver without such a path just leaves.
   */
  default void leaveRunning(String networkId, String endpointId) {
    leave(networkId, endpointId);
  }

  /** Forgets the endpoint and removes whatever of it remains in the kernel. Idempotent. */
  void deleteEndpoint(String networkId, String endpointId);
}
