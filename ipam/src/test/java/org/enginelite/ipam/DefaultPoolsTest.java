package org.enginelite.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.UnavailableException;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.enginelite.driver.ipam.Pool;
import org.enginelite.driver.ipam.PoolRequest;
import org.enginelite.testkit.InMemoryStateStore;
import org.junit.jupiter.api.Test;

class DefaultPoolsTest {
  private final List<Ipv4Cidr> hostRoutes = new ArrayList<>();

  private DefaultIpamDriver driver(DefaultAddressPools pools) {
    return new DefaultIpamDriver(new InMemoryStateStore(), pools, () -> List.copyOf(hostRoutes));
  }

  private static String subnet(DefaultIpamDriver d, String network) {
    return d.requestPool(PoolRequest.dynamic(network)).subnet().toString();
  }

  @Test
  void requestPool_dockerDefaults_handsOut172Then192168In20s() {
    DefaultIpamDriver d = driver(DefaultAddressPools.docker());
    for (int second = 17; second <= 31; second++) {
      assertEquals("172." + second + ".0.0/16", subnet(d, "n" + second));
    }
    assertEquals("192.168.0.0/20", subnet(d, "a"));
    assertEquals("192.168.16.0/20", subnet(d, "b"));
  }

  @Test
  void requestPool_hostRoutes_areSkipped() {
    hostRoutes.add(Ipv4Cidr.parse("172.17.0.0/16"));
    hostRoutes.add(Ipv4Cidr.parse("172.19.5.7/32"));
    DefaultIpamDriver d = driver(DefaultAddressPools.docker());
    assertEquals("172.18.0.0/16", subnet(d, "a"));
    assertEquals("172.20.0.0/16", subnet(d, "b"));
  }

  @Test
  void requestPool_hostRouteCoveringAll172_jumpsTo192168() {
    hostRoutes.add(Ipv4Cidr.parse("172.16.0.0/12"));
    hostRoutes.add(Ipv4Cidr.parse("192.168.0.0/19"));
    assertEquals("192.168.32.0/20", subnet(driver(DefaultAddressPools.docker()), "a"));
  }

  @Test
  void requestPool_userSubnetTakenFirst_dynamicSkipsIt() {
    DefaultIpamDriver d = driver(DefaultAddressPools.docker());
    d.requestPool(PoolRequest.ofSubnet("user", Ipv4Cidr.parse("172.17.3.0/24")));
    assertEquals("172.18.0.0/16", subnet(d, "a"));
  }

  @Test
  void requestPool_customPools_cutBaseIntoSize() {
    DefaultIpamDriver d = driver(DefaultAddressPools.parse(List.of("base=10.10.0.0/16,size=24")));
    assertEquals("10.10.0.0/24", subnet(d, "a"));
    Pool b = d.requestPool(PoolRequest.dynamic("b"));
    assertEquals("10.10.1.0/24", b.subnet().toString());
    assertEquals("10.10.1.1", b.gateway().toString());
  }

  @Test
  void requestPool_defaultsExhausted_isUnavailableWithDockersMessage() {
    DefaultIpamDriver d = driver(DefaultAddressPools.parse(List.of("base=10.10.0.0/23,size=24")));
    subnet(d, "a");
    subnet(d, "b");
    UnavailableException e = assertThrows(UnavailableException.class, () -> subnet(d, "c"));
    assertEquals("could not find an available, non-overlapping IPv4 address pool among the defaults to assign "
        + "to the network", e.getMessage());
  }

  @Test
  void releasePool_dynamicSubnet_isHandedOutAgain() {
    DefaultIpamDriver d = driver(DefaultAddressPools.docker());
    Pool a = d.requestPool(PoolRequest.dynamic("a"));
    subnet(d, "b");
    d.releasePool(a.id());
    assertEquals("172.17.0.0/16", subnet(d, "c"));
  }
}
