package org.enginelite.driver.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class Ipv4CidrTest {

  @Test
  void parse_interfaceAddress_keepsHostBitsAndGivesNetwork() {
    Ipv4Cidr c = Ipv4Cidr.parse("172.18.0.2/16");
    assertEquals("172.18.0.2/16", c.toString());
    assertEquals("172.18.0.0/16", c.network().toString());
    assertEquals("172.18.255.255", c.last().toString());
    assertEquals("255.255.0.0", c.netmask().toString());
    assertFalse(c.hostBitsZero());
    assertEquals(65536, c.size());
  }

  @Test
  void parse_extremes_work() {
    assertEquals(1L << 32, Ipv4Cidr.parse("0.0.0.0/0").size());
    assertEquals("255.255.255.255", Ipv4Cidr.parse("0.0.0.0/0").last().toString());
    assertEquals(1, Ipv4Cidr.parse("10.1.2.3/32").size());
    assertEquals("10.255.255.255", Ipv4Cidr.parse("10.0.0.0/8").last().toString());
  }

  @Test
  void parse_garbage_isInvalidParameterNamingTheText() {
    for (String bad : new String[] {"10.0.0.0", "10.0.0.0/33", "300.0.0.0/8", "a.b.c.d/8", "10.0.0/8", "", "/8"}) {
      InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Ipv4Cidr.parse(bad));
      assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
    }
  }

  @Test
  void parseSubnet_hostBitsSet_saysWhatItShouldBe() {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> Ipv4Cidr.parseSubnet("172.18.0.5/16"));
    assertEquals("invalid subnet 172.18.0.5/16: it should be 172.18.0.0/16", e.getMessage());
  }

  @Test
  void overlaps_isContainmentEitherWay() {
    Ipv4Cidr big = Ipv4Cidr.parse("10.0.0.0/8");
    Ipv4Cidr small = Ipv4Cidr.parse("10.200.3.0/24");
    Ipv4Cidr other = Ipv4Cidr.parse("11.0.0.0/24");
    assertTrue(big.overlaps(small));
    assertTrue(small.overlaps(big));
    assertFalse(big.overlaps(other));
    assertTrue(big.contains(Ipv4Address.parse("10.255.255.255")));
    assertFalse(big.contains(Ipv4Address.parse("11.0.0.0")));
  }

  @Test
  void address_ordersUnsignedAndRoundTrips() {
    Ipv4Address high = Ipv4Address.parse("192.168.0.1");
    Ipv4Address low = Ipv4Address.parse("10.0.0.1");
    assertTrue(low.compareTo(high) < 0);
    assertEquals(high, Ipv4Address.of(high.toInetAddress()));
    assertEquals("192.168.0.2", high.plus(1).toString());
    assertEquals(0xC0A80001L, high.unsigned());
    assertThrows(InvalidParameterException.class, () -> Ipv4Address.parse("1.2.3.4.5"));
    assertThrows(InvalidParameterException.class, () -> Ipv4Address.parse("example.com"));
  }
}
