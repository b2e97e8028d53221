package org.enginelite.benchmarks.ipam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.enginelite.benchmarks.AbstractMicrobenchmark;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.enginelite.driver.ipam.Pool;
import org.enginelite.driver.ipam.PoolRequest;
import org.enginelite.driver.state.StateStore;
import org.enginelite.ipam.DefaultAddressPools;
import org.enginelite.ipam.DefaultIpamDriver;
import org.enginelite.ipam.HostNetworks;
import org.enginelite.state.SqliteStateStore;
import org.enginelite.testkit.InMemoryStateStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One endpoint's address lease and release, each its own store transaction as in {@code network connect} and
 * {@code disconnect}, on a pool already holding {@value #LEASED} leases and one released hole (so both the free
 * set and the cursor are exercised). A /8 must cost what a /24 costs.
 */
public class IpamAllocationBenchmark extends AbstractMicrobenchmark {
  static final int LEASED = 200;

  @Param({"10.0.0.0/8", "10.0.0.0/24"})
  public String subnet;

  @Param({"sqlite", "memory"})
  public String store;

  private Path dir;
  private StateStore stateStore;
  private DefaultIpamDriver ipam;
  private Pool pool;

  @Setup(Level.Trial)
  public void open() throws IOException {
    if (store.equals("sqlite")) {
      dir = Files.createTempDirectory("el-ipam-bench");
      stateStore = SqliteStateStore.open(dir);
    } else {
      stateStore = new InMemoryStateStore();
    }
    ipam = new DefaultIpamDriver(stateStore, DefaultAddressPools.docker(), HostNetworks.none());
    pool = ipam.requestPool(PoolRequest.ofSubnet("bench", Ipv4Cidr.parse(subnet)));
    Ipv4Address hole = null;
    for (int i = 0; i < LEASED; i++) {
      Ipv4Address a = ipam.requestAddress(pool.id(), Optional.empty());
      if (i == LEASED / 2) {
        hole = a;
      }
    }
    ipam.releaseAddress(pool.id(), hole);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    stateStore.close();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Lease the lowest free address (the hole) and give it back. */
  @Benchmark
  public Ipv4Address allocateRelease() {
    Ipv4Address a = ipam.requestAddress(pool.id(), Optional.empty());
    ipam.releaseAddress(pool.id(), a);
    return a;
  }

  /** As {@link #allocateRelease} in one store transaction: the IPAM work without a second commit. */
  @Benchmark
  public Ipv4Address allocateReleaseOneTransaction() {
    return stateStore.transact(this::allocateRelease);
  }

  /** Lease two addresses (the hole, then one at the cursor) and give both back. */
  @Benchmark
  public Ipv4Address allocateTwoReleaseTwo() {
    Ipv4Address a = ipam.requestAddress(pool.id(), Optional.empty());
    Ipv4Address b = ipam.requestAddress(pool.id(), Optional.empty());
    ipam.releaseAddress(pool.id(), b);
    ipam.releaseAddress(pool.id(), a);
    return b;
  }
}
