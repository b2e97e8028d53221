/**
 * The default IPAM driver: Docker's default address pools, skipping subnets already routed on the host, and
 * per-pool address leases kept in the engine's state store with a cursor and a small free set, so allocation
 * cost does not depend on the subnet size.
 */
package org.enginelite.ipam;
