package org.enginelite.driver.ipam;

import java.util.Optional;

/**
 * IP address management for networks. Every call goes through the engine's
 * {@link org.enginelite.driver.state.StateStore}, so made inside {@code StateStore.transact} it joins the
 * caller's transaction: an endpoint record and its address lease commit together or not at all, and no
 * address is handed to two endpoints, also across a daemon crash.
 *
 * <p>Errors are {@link org.enginelite.driver.DriverException}s of Docker's kinds: a subnet overlapping another
 * pool is {@link org.enginelite.driver.ForbiddenException} ("Pool overlaps with other one on this address
 * space"), an address in use is {@link org.enginelite.driver.ForbiddenException} ("Address already in use"),
 * an exhausted pool or no free default pool is {@link org.enginelite.driver.UnavailableException}, an address
 * outside the pool is {@link org.enginelite.driver.InvalidParameterException}.
 */
public interface IpamDriver {

  /** Reserves a subnet for a network: the requested one, or a free default pool clear of the host's routes. */
  Pool requestPool(PoolRequest request);

  /** Releases a pool and every address still leased from it; safe to repeat. */
  void releasePool(String poolId);

  /** The pool with this id, if it is reserved. */
  Optional<Pool> pool(String poolId);

  /**
   * Leases an address: {@code preferred} when given (a static {@code --ip}, which may lie anywhere in the subnet
   * but never on the network, broadcast, gateway or an auxiliary address), else the lowest free one in the
   * pool's range. Cost does not depend on the size of the subnet.
   */
  Ipv4Address requestAddress(String poolId, Optional<Ipv4Address> preferred);

  /** Returns a leased address to the pool; releasing an address that is not leased does nothing. */
  void releaseAddress(String poolId, Ipv4Address address);
}
