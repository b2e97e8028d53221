package org.enginelite.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.enginelite.driver.ForbiddenException;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.enginelite.driver.ipam.Pool;
import org.enginelite.driver.ipam.PoolRequest;
import org.enginelite.state.SqliteStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases are in the store: a reopened store (a restarted daemon) never hands out a leased address again. */
class LeasePersistenceTest {
  @TempDir Path dir;

  private static DefaultIpamDriver driver(SqliteStateStore store) {
    return new DefaultIpamDriver(store, DefaultAddressPools.docker(), HostNetworks.none());
  }

  @Test
  void reopen_leasesAndFreeSetSurvive() {
    Pool pool;
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      DefaultIpamDriver ipam = driver(store);
      pool = ipam.requestPool(PoolRequest.ofSubnet("n", Ipv4Cidr.parse("10.60.0.0/24")));
      ipam.requestAddress(pool.id(), Optional.empty());
      Ipv4Address b = ipam.requestAddress(pool.id(), Optional.empty());
      ipam.requestAddress(pool.id(), Optional.empty());
      ipam.requestAddress(pool.id(), Optional.of(Ipv4Address.parse("10.60.0.9")));
      ipam.releaseAddress(pool.id(), b);
    }
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      DefaultIpamDriver ipam = driver(store);
      assertEquals(Optional.of(pool), ipam.pool(pool.id()));
      assertThrows(ForbiddenException.class,
          () -> ipam.requestAddress(pool.id(), Optional.of(Ipv4Address.parse("10.60.0.2"))));
      assertThrows(ForbiddenException.class,
          () -> ipam.requestAddress(pool.id(), Optional.of(Ipv4Address.parse("10.60.0.9"))));
      assertEquals("10.60.0.3", ipam.requestAddress(pool.id(), Optional.empty()).toString());
      assertEquals("10.60.0.5", ipam.requestAddress(pool.id(), Optional.empty()).toString());
      assertThrows(ForbiddenException.class,
          () -> ipam.requestPool(PoolRequest.ofSubnet("m", Ipv4Cidr.parse("10.60.0.0/25"))));
    }
  }
}
