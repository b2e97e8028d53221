package org.enginelite.driver.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.util.Map;
import java.util.Optional;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void macFromIpv4_isDockers() {
    assertEquals("02:42:ac:11:00:02",
        MacAddress.fromIpv4((Inet4Address) IpAddresses.parse("172.17.0.2")).value());
    assertEquals("aa:bb:cc:dd:ee:ff", MacAddress.parse("AA-BB-CC-DD-EE-FF").value());
    assertThrows(InvalidParameterException.class, () -> MacAddress.parse("aa:bb:cc"));
  }

  @Test
  void ifName_longerThan15Bytes_isRefused() {
    assertEquals("elbr-0123456789", IfName.of("elbr-0123456789").value());
    assertThrows(InvalidParameterException.class, () -> IfName.of("elbr-0123456789a"));
    assertThrows(InvalidParameterException.class, () -> IfName.of("a b"));
    assertThrows(InvalidParameterException.class, () -> IfName.of(""));
    assertTrue(IfName.of("el0").isEngineOwned());
    assertFalse(IfName.eth(1).isEngineOwned());
  }

  @Test
  void bridgeOptions_parseDockerKeys() {
    BridgeOptions o = BridgeOptions.parse(Map.of(
        BridgeOptions.BRIDGE_NAME, "mybr0", BridgeOptions.ENABLE_ICC, "false",
        BridgeOptions.ENABLE_IP_MASQUERADE, "0", BridgeOptions.MTU, "1400", "some.other.key", "x"));
    assertEquals(Optional.of(IfName.of("mybr0")), o.bridgeName());
    assertFalse(o.enableIcc());
    assertFalse(o.enableIpMasquerade());
    assertEquals(1400, o.mtu());
    assertEquals(BridgeOptions.DEFAULTS, BridgeOptions.parse(Map.of()));
    assertThrows(InvalidParameterException.class, () -> BridgeOptions.parse(Map.of(BridgeOptions.ENABLE_ICC, "maybe")));
    assertThrows(InvalidParameterException.class, () -> BridgeOptions.parse(Map.of(BridgeOptions.MTU, "12")));
    assertThrows(InvalidParameterException.class, () -> BridgeOptions.parse(Map.of(BridgeOptions.MTU, "big")));
  }

  @Test
  void networkSpec_gatewayOutsideOrSubnetWithHostBits_isRefused() {
    Cidr subnet = Cidr.parse("10.9.0.0/24");
    NetworkSpec ok = NetworkSpec.of("0123456789abcdef", "n", subnet, IpAddresses.parse("10.9.0.1"), false, Map.of());
    assertEquals("0123456789ab", ok.shortId());
    assertEquals("10.9.0.1/24", ok.gatewayCidr().toString());
    var e = assertThrows(InvalidParameterException.class,
        () -> NetworkSpec.of("abc", "n", subnet, IpAddresses.parse("10.8.0.1"), false, Map.of()));
    assertTrue(e.getMessage().contains("not in subnet"), e.getMessage());
    e = assertThrows(InvalidParameterException.class,
        () -> NetworkSpec.of("abc", "n", Cidr.parse("10.9.0.1/24"), IpAddresses.parse("10.9.0.1"), false, Map.of()));
    assertEquals("invalid subnet 10.9.0.1/24: it should be 10.9.0.0/24", e.getMessage());
    assertThrows(InvalidParameterException.class,
        () -> NetworkSpec.of("abc", "n", subnet, IpAddresses.parse("10.9.0.255"), false, Map.of()));
    assertThrows(InvalidParameterException.class,
        () -> NetworkSpec.of("a/b", "n", subnet, IpAddresses.parse("10.9.0.1"), false, Map.of()));
  }

  @Test
  void endpointSpec_withoutMac_getsDockersMac() {
    EndpointSpec ep = EndpointSpec.of("ep1", "net1", Cidr.parse("10.9.0.2/24"));
    assertEquals("02:42:0a:09:00:02", ep.mac().value());
  }
}
