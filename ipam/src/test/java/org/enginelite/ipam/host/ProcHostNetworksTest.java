package org.enginelite.ipam.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcHostNetworksTest {
  private static final String ROUTE = """
      Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
      eth0\t00000000\t0102000A\t0003\t0\t0\t0\t00000000\t0\t0\t0
      eth0\t0002000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
      docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
      """;

  private static final String FIB_TRIE = """
      Main:
        +-- 0.0.0.0/0 3 0 5
           |-- 0.0.0.0
              /0 universe UNICAST
           +-- 10.0.2.0/24 2 0 2
              |-- 10.0.2.0
                 /24 link UNICAST
              |-- 10.0.2.15
                 /32 host LOCAL
           |-- 127.0.0.1
              /32 host LOCAL
      Local:
        +-- 0.0.0.0/0 3 0 5
           |-- 10.0.2.15
              /32 host LOCAL
           |-- 192.0.2.7
              /32 host LOCAL
      """;

  @Test
  void inUse_routesAndLocalAddresses_defaultRouteAndLoopbackLeftOut(@TempDir Path procNet) throws Exception {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "sample table is little-endian");
    Files.writeString(procNet.resolve("route"), ROUTE);
    Files.writeString(procNet.resolve("fib_trie"), FIB_TRIE);
    assertEquals(List.of(Ipv4Cidr.parse("10.0.2.0/24"), Ipv4Cidr.parse("172.17.0.0/16"),
        Ipv4Cidr.parse("10.0.2.15/32"), Ipv4Cidr.parse("192.0.2.7/32")), new ProcHostNetworks(procNet).inUse());
  }

  @Test
  void inUse_thisHost_readsWithoutError() {
    List<Ipv4Cidr> real = new ProcHostNetworks().inUse();
    assertFalse(real.stream().anyMatch(c -> c.prefixLength() == 0));
  }
}
