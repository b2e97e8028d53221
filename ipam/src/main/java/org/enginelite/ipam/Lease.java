package org.enginelite.ipam;

/**
 * One leased address, a record of its own so a static address is checked in O(1) and a lease commits with the
 * endpoint that holds it.
 *
 * @param poolId the pool
 * @param address the address, as text
 */
record Lease(String poolId, String address) {

  static String key(String poolId, String address) {
    return poolId + "|" + address;
  }

  static String prefix(String poolId) {
    return poolId + "|";
  }
}
