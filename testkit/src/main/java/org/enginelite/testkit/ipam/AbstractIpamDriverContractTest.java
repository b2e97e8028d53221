package org.enginelite.testkit.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.enginelite.driver.ForbiddenException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.UnavailableException;
import org.enginelite.driver.ipam.IpamDriver;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.enginelite.driver.ipam.Pool;
import org.enginelite.driver.ipam.PoolRequest;
import org.enginelite.driver.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every IPAM driver shares, whatever the store: subclass it with a store and a driver factory. The
 * driver must assume nothing about the host (tests use subnets in 10.0.0.0/8 given explicitly).
 */
public abstract class AbstractIpamDriverContractTest {
  protected StateStore store;
  protected IpamDriver ipam;

  /** A fresh, empty store. */
  protected abstract StateStore newStore();

  /** The driver under test on {@code store}. */
  protected abstract IpamDriver newDriver(StateStore store);

  @BeforeEach
  void open() {
    store = newStore();
    ipam = newDriver(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static Ipv4Address ip(String s) {
    return Ipv4Address.parse(s);
  }

  protected static Ipv4Cidr cidr(String s) {
    return Ipv4Cidr.parse(s);
  }

  protected Pool pool(String subnet) {
    return ipam.requestPool(PoolRequest.ofSubnet("net-" + subnet, cidr(subnet)));
  }

  protected Ipv4Address next(Pool p) {
    return ipam.requestAddress(p.id(), Optional.empty());
  }

  @Test
  void requestPool_subnetOnly_gatewayIsFirstHostAndRangeIsSubnet() {
    Pool p = pool("10.40.0.0/16");
    assertEquals(cidr("10.40.0.0/16"), p.subnet());
    assertEquals(cidr("10.40.0.0/16"), p.ipRange());
    assertEquals(ip("10.40.0.1"), p.gateway());
    assertEquals("10.40.0.1/16", p.gatewayCidr().toString());
    assertEquals(Optional.of(p), ipam.pool(p.id()));
  }

  @Test
  void requestAddress_dynamic_handsOutLowestFreeAfterGateway() {
    Pool p = pool("10.40.0.0/24");
    assertEquals(ip("10.40.0.2"), next(p));
    assertEquals(ip("10.40.0.3"), next(p));
  }

  @Test
  void requestAddress_exhausted_neverHandsOutReservedAndSaysSo() {
    Pool p = ipam.requestPool(new PoolRequest("small", Optional.of(cidr("10.41.0.0/29")), Optional.empty(),
        Optional.of(ip("10.41.0.1")), Map.of("printer", ip("10.41.0.3"))));
    Set<Ipv4Address> got = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      got.add(next(p));
    }
    assertEquals(Set.of(ip("10.41.0.2"), ip("10.41.0.4"), ip("10.41.0.5"), ip("10.41.0.6")), got);
    UnavailableException e = assertThrows(UnavailableException.class, () -> next(p));
    assertTrue(e.getMessage().startsWith("no available IPv4 addresses on this network's address pools"),
        e.getMessage());
  }

  @Test
  void releaseAddress_thenRequest_reusesLowestAndRepeatsSafely() {
    Pool p = pool("10.42.0.0/24");
    Ipv4Address a = next(p);
    Ipv4Address b = next(p);
    next(p);
    ipam.releaseAddress(p.id(), a);
    ipam.releaseAddress(p.id(), a);
    ipam.releaseAddress(p.id(), b);
    assertEquals(a, next(p));
    assertEquals(b, next(p));
    assertEquals(ip("10.42.0.5"), next(p));
  }

  @Test
  void requestAddress_staticInUseOrReserved_isForbidden() {
    Pool p = pool("10.43.0.0/24");
    Ipv4Address a = next(p);
    assertTrue(assertThrows(ForbiddenException.class, () -> ipam.requestAddress(p.id(), Optional.of(a)))
        .getMessage().startsWith("Address already in use"));
    for (String reserved : List.of("10.43.0.0", "10.43.0.1", "10.43.0.255")) {
      assertThrows(ForbiddenException.class, () -> ipam.requestAddress(p.id(), Optional.of(ip(reserved))));
    }
  }

  @Test
  void requestAddress_staticOutsideSubnet_isInvalid() {
    Pool p = pool("10.44.0.0/24");
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> ipam.requestAddress(p.id(), Optional.of(ip("10.45.0.9"))));
    assertEquals("Invalid address 10.45.0.9: It does not belong to any of this network's subnets", e.getMessage());
  }

  @Test
  void requestAddress_staticAhead_isSkippedByDynamic() {
    Pool p = pool("10.46.0.0/24");
    assertEquals(ip("10.46.0.3"), ipam.requestAddress(p.id(), Optional.of(ip("10.46.0.3"))));
    assertEquals(ip("10.46.0.2"), next(p));
    assertEquals(ip("10.46.0.4"), next(p));
    ipam.releaseAddress(p.id(), ip("10.46.0.3"));
    assertEquals(ip("10.46.0.3"), ipam.requestAddress(p.id(), Optional.of(ip("10.46.0.3"))));
  }

  @Test
  void requestAddress_ipRange_dynamicStaysInRangeStaticAnywhereInSubnet() {
    Pool p = ipam.requestPool(new PoolRequest("ranged", Optional.of(cidr("10.47.0.0/16")),
        Optional.of(cidr("10.47.5.0/30")), Optional.empty(), Map.of()));
    assertEquals(ip("10.47.0.1"), p.gateway());
    Set<Ipv4Address> got = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      got.add(next(p));
    }
    assertEquals(Set.of(ip("10.47.5.0"), ip("10.47.5.1"), ip("10.47.5.2"), ip("10.47.5.3")), got);
    assertThrows(UnavailableException.class, () -> next(p));
    assertEquals(ip("10.47.9.9"), ipam.requestAddress(p.id(), Optional.of(ip("10.47.9.9"))));
  }

  @Test
  void requestPool_overlapping_isForbiddenWithDockersMessage() {
    pool("10.48.0.0/16");
    for (String s : List.of("10.48.0.0/16", "10.48.7.0/24", "10.0.0.0/8")) {
      ForbiddenException e = assertThrows(ForbiddenException.class, () -> pool(s));
      assertEquals("Pool overlaps with other one on this address space", e.getMessage());
    }
  }

  @Test
  void releasePool_freesSubnetAndLeasesAndRepeatsSafely() {
    Pool p = pool("10.49.0.0/24");
    Ipv4Address a = next(p);
    ipam.releasePool(p.id());
    ipam.releasePool(p.id());
    assertEquals(Optional.empty(), ipam.pool(p.id()));
    Pool again = pool("10.49.0.0/24");
    assertEquals(a, ipam.requestAddress(again.id(), Optional.of(a)));
  }

  @Test
  void requestAddress_unknownPool_isNotFound() {
    assertThrows(NotFoundException.class, () -> ipam.requestAddress("10.99.0.0/16", Optional.empty()));
  }

  @Test
  void requestAddress_inRolledBackTransaction_leasesNothing() {
    Pool p = pool("10.50.0.0/24");
    assertThrows(IllegalStateException.class, () -> store.transact(() -> {
      next(p);
      throw new IllegalStateException("endpoint creation failed");
    }));
    assertEquals(ip("10.50.0.2"), next(p));
  }

  @Test
  void requestAddress_slash8_startsAtTheBottomAndReachesTheTop() {
    Pool p = pool("10.0.0.0/8");
    assertEquals(ip("10.0.0.2"), next(p));
    assertEquals(ip("10.255.255.254"), ipam.requestAddress(p.id(), Optional.of(ip("10.255.255.254"))));
    assertThrows(ForbiddenException.class, () -> ipam.requestAddress(p.id(), Optional.of(ip("10.255.255.255"))));
  }

  /** Random leases, statics and releases against a bitmap model of "lowest free address". */
  @Test
  void randomOperations_matchLowestFreeModel() {
    Pool p = ipam.requestPool(new PoolRequest("model", Optional.of(cidr("10.51.0.0/26")), Optional.empty(),
        Optional.of(ip("10.51.0.10")), Map.of("a", ip("10.51.0.20"))));
    BitSet used = new BitSet(64);
    used.set(0);
    used.set(63);
    used.set(10);
    used.set(20);
    Random random = new Random(42);
    for (int step = 0; step < 3000; step++) {
      int o = random.nextInt(64);
      Ipv4Address a = p.subnet().first().plus(o);
      int op = random.nextInt(3);
      if (op == 0) {
        int expected = used.nextClearBit(0);
        if (expected >= 64) {
          assertThrows(UnavailableException.class, () -> next(p));
        } else {
          assertEquals(p.subnet().first().plus(expected), next(p), "step " + step);
          used.set(expected);
        }
      } else if (op == 1) {
        if (used.get(o)) {
          assertThrows(ForbiddenException.class, () -> ipam.requestAddress(p.id(), Optional.of(a)));
        } else {
          assertEquals(a, ipam.requestAddress(p.id(), Optional.of(a)));
          used.set(o);
        }
      } else {
        ipam.releaseAddress(p.id(), a);
        if (o != 0 && o != 63 && o != 10 && o != 20) {
          used.clear(o);
        }
      }
    }
  }
}
