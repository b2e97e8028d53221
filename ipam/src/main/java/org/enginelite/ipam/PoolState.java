package org.enginelite.ipam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.enginelite.driver.ipam.Pool;

/**
 * A pool as stored, with its allocation state in two numbers' worth of space instead of a bitmap: every offset
 * of the range below {@code cursor} has been handed out at least once and is now leased, reserved or in
 * {@code free}; offsets from {@code cursor} on were never handed out (except static addresses, which hold a
 * lease record and are skipped when the cursor reaches them). Taking the lowest of {@code free}, else advancing
 * the cursor, hands out the lowest free address, as Docker's bitmap does, at a cost independent of the subnet
 * size. Releasing the address just below the cursor pulls the cursor back, which keeps {@code free} small.
 *
 * @param id the pool id (its subnet)
 * @param networkId the network it belongs to
 * @param subnet the subnet, as text
 * @param ipRange the range addresses are handed out from, as text
 * @param gateway the gateway, as text
 * @param aux auxiliary addresses by name, as text
 * @param cursor the first offset in the range never handed out
 * @param free released offsets below the cursor, ascending
 */
record PoolState(String id, String networkId, String subnet, String ipRange, String gateway,
    Map<String, String> aux, long cursor, List<Long> free) {

  PoolState {
    aux = aux == null ? Map.of() : Map.copyOf(new TreeMap<>(aux));
    free = free == null ? List.of() : List.copyOf(free);
  }

  static PoolState of(String networkId, Ipv4Cidr subnet, Ipv4Cidr ipRange, Ipv4Address gateway,
      Map<String, Ipv4Address> aux) {
    Map<String, String> auxText = new TreeMap<>();
    aux.forEach((k, v) -> auxText.put(k, v.toString()));
    return new PoolState(subnet.toString(), networkId, subnet.toString(), ipRange.toString(), gateway.toString(),
        auxText, 0, List.of());
  }

  /** The pool's fixed part: everything but the allocation state, so equal pools have equal definitions. */
  PoolState definition() {
    return cursor == 0 && free.isEmpty() ? this : with(0, List.of());
  }

  Pool pool() {
    Map<String, Ipv4Address> a = new TreeMap<>();
    aux.forEach((k, v) -> a.put(k, Ipv4Address.parse(v)));
    return new Pool(id, networkId, Ipv4Cidr.parse(subnet), Ipv4Cidr.parse(ipRange), Ipv4Address.parse(gateway), a);
  }

  /** An address handed out and the state after it. */
  record Taken(Ipv4Address address, PoolState state) {}

  /**
   * The lowest free address of the range, or empty when the range is exhausted. {@code leased} answers for
   * offsets at or past the cursor, where only static addresses can be leased.
   */
  Optional<Taken> next(Pool pool, Predicate<Ipv4Address> leased) {
    Ipv4Address base = pool.ipRange().first();
    if (!free.isEmpty()) {
      List<Long> rest = free.subList(1, free.size());
      return Optional.of(new Taken(base.plus(free.get(0)), with(cursor, rest)));
    }
    long size = pool.ipRange().size();
    for (long o = cursor; o < size; o++) {
      Ipv4Address a = base.plus(o);
      if (!reserved(pool, a) && !leased.test(a)) {
        return Optional.of(new Taken(a, with(o + 1, free)));
      }
    }
    return Optional.empty();
  }

  /** True when {@code a} is in the range below the cursor, where a free address must be in {@code free}. */
  boolean belowCursor(Pool pool, Ipv4Address a) {
    return pool.ipRange().contains(a) && offset(pool, a) < cursor;
  }

  /** The state after a static address below the cursor was leased: it leaves the free set. */
  PoolState claim(Pool pool, Ipv4Address a) {
    long o = offset(pool, a);
    int i = Collections.binarySearch(free, o);
    if (i < 0) {
      return this;
    }
    List<Long> f = new ArrayList<>(free);
    f.remove(i);
    return with(cursor, f);
  }

  /** True when {@code a} below the cursor is in the free set. */
  boolean isFree(Pool pool, Ipv4Address a) {
    return Collections.binarySearch(free, offset(pool, a)) >= 0;
  }

  /** The state after {@code a} was released: back into the free set, or the cursor moves down over it. */
  PoolState release(Pool pool, Ipv4Address a) {
    if (!belowCursor(pool, a)) {
      return this;
    }
    List<Long> f = new ArrayList<>(free);
    long o = offset(pool, a);
    int i = Collections.binarySearch(f, o);
    if (i < 0) {
      f.add(-i - 1, o);
    }
    long c = cursor;
    Ipv4Address base = pool.ipRange().first();
    // Pull the cursor back over free and reserved offsets at the top: what lies past it needs no record.
    while (c > 0) {
      long top = c - 1;
      if (!f.isEmpty() && f.get(f.size() - 1) == top) {
        f.remove(f.size() - 1);
      } else if (!reserved(pool, base.plus(top))) {
        break;
      }
      c = top;
    }
    return with(c, f);
  }

  /** Network and broadcast (below /31, RFC 3021), the gateway and the auxiliary addresses. */
  static boolean reserved(Pool pool, Ipv4Address a) {
    Ipv4Cidr s = pool.subnet();
    if (s.prefixLength() < 31 && (a.equals(s.first()) || a.equals(s.last()))) {
      return true;
    }
    return a.equals(pool.gateway()) || pool.auxAddresses().containsValue(a);
  }

  private static long offset(Pool pool, Ipv4Address a) {
    return a.unsigned() - pool.ipRange().first().unsigned();
  }

  private PoolState with(long newCursor, List<Long> newFree) {
    return new PoolState(id, networkId, subnet, ipRange, gateway, aux, newCursor, newFree);
  }
}
