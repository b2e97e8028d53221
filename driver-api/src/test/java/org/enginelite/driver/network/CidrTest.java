package org.enginelite.driver.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void parse_hostAddress_keepsItAndKnowsItsNetwork() {
    Cidr c = Cidr.parse("172.18.0.7/16");
    assertEquals("172.18.0.7/16", c.toString());
    assertFalse(c.isNetwork());
    assertEquals("172.18.0.0/16", c.network().toString());
    assertEquals("172.18.255.255", c.lastAddress().getHostAddress());
    assertEquals("255.255.0.0", c.netmask().getHostAddress());
    assertTrue(c.isIpv4());
  }

  @Test
  void contains_overlaps_followPrefix() {
    Cidr net = Cidr.parse("10.0.0.0/8");
    assertTrue(net.contains(IpAddresses.parse("10.255.1.2")));
    assertFalse(net.contains(IpAddresses.parse("11.0.0.1")));
    assertFalse(net.contains(IpAddresses.parse("::1")));
    assertTrue(net.overlaps(Cidr.parse("10.3.0.0/16")));
    assertTrue(Cidr.parse("10.3.0.0/16").overlaps(net));
    assertFalse(net.overlaps(Cidr.parse("192.168.0.0/16")));
    assertTrue(Cidr.parse("0.0.0.0/0").contains(IpAddresses.parse("1.2.3.4")));
  }

  @Test
  void parse_ipv6_works() {
    Cidr c = Cidr.parse("fd00:1::5/64");
    assertEquals("fd00:1:0:0:0:0:0:0/64", c.network().toString());
    assertTrue(c.network().isNetwork());
  }

  @Test
  void parse_garbage_isInvalidParameter() {
    for (String bad : new String[] {"10.0.0.0", "10.0.0.0/33", "example.com/24", "10.0.0.256/24", "/8", "1.2.3.4/x", ""}) {
      assertThrows(InvalidParameterException.class, () -> Cidr.parse(bad), bad);
    }
  }
}
