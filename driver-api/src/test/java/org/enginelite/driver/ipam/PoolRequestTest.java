package org.enginelite.driver.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class PoolRequestTest {
  private static final Optional<Ipv4Cidr> SUBNET = Optional.of(Ipv4Cidr.parse("172.20.0.0/16"));

  private static String error(Runnable r) {
    return assertThrows(InvalidParameterException.class, r::run).getMessage();
  }

  @Test
  void gatewayOutsideSubnet_isRejected() {
    assertEquals("invalid gateway address 10.0.0.1: it does not belong to subnet 172.20.0.0/16",
        error(() -> new PoolRequest("n", SUBNET, Optional.empty(), Optional.of(Ipv4Address.parse("10.0.0.1")),
            Map.of())));
  }

  @Test
  void ipRangeOutsideSubnet_isRejected() {
    assertEquals("invalid ip-range 172.21.0.0/24: it must be a subset of subnet 172.20.0.0/16",
        error(() -> new PoolRequest("n", SUBNET, Optional.of(Ipv4Cidr.parse("172.21.0.0/24")), Optional.empty(),
            Map.of())));
  }

  @Test
  void auxOutsideSubnet_isRejected() {
    assertEquals("invalid auxiliary address h=10.0.0.9: it does not belong to subnet 172.20.0.0/16",
        error(() -> new PoolRequest("n", SUBNET, Optional.empty(), Optional.empty(),
            Map.of("h", Ipv4Address.parse("10.0.0.9")))));
  }

  @Test
  void gatewayWithoutSubnet_isRejected() {
    error(() -> new PoolRequest("n", Optional.empty(), Optional.empty(),
        Optional.of(Ipv4Address.parse("10.0.0.1")), Map.of()));
  }

  @Test
  void subnetWithHostBits_isRejected() {
    assertEquals("invalid subnet 172.20.0.7/16: it should be 172.20.0.0/16",
        error(() -> PoolRequest.ofSubnet("n", Ipv4Cidr.parse("172.20.0.7/16"))));
  }
}
