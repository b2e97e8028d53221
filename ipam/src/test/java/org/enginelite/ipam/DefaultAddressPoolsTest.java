package org.enginelite.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.junit.jupiter.api.Test;

class DefaultAddressPoolsTest {

  @Test
  void parse_dockerFlagSyntax_anyOrderAndCase() {
    DefaultAddressPools p = DefaultAddressPools.parse(List.of("base=10.10.0.0/16,size=24", "SIZE=20,Base=10.20.0.0/16"));
    assertEquals(new DefaultAddressPools.Entry(Ipv4Cidr.parse("10.10.0.0/16"), 24), p.entries().get(0));
    assertEquals(new DefaultAddressPools.Entry(Ipv4Cidr.parse("10.20.0.0/16"), 20), p.entries().get(1));
    assertEquals(256, p.entries().get(0).count());
  }

  @Test
  void parse_none_givesDockerDefaults() {
    DefaultAddressPools p = DefaultAddressPools.parse(List.of());
    assertEquals(16, p.entries().size());
    assertEquals("172.17.0.0/16", p.entries().get(0).base().toString());
    assertEquals(20, p.entries().get(15).size());
  }

  @Test
  void parse_badInput_namesTheProblem() {
    assertEquals("unexpected key 'mask' in 'base=10.0.0.0/8,mask=24'", error("base=10.0.0.0/8,mask=24"));
    assertEquals("invalid size 'big' in 'base=10.0.0.0/8,size=big'", error("base=10.0.0.0/8,size=big"));
    assertEquals("invalid default address pool 10.0.0.0/16 size 8: size must be between 16 and 32",
        error("base=10.0.0.0/16,size=8"));
    assertEquals("default address pool 'base=10.0.0.0/8' needs both base= and size=", error("base=10.0.0.0/8"));
    assertEquals("invalid default address pool base 10.0.0.1/8: it should be 10.0.0.0/8",
        error("base=10.0.0.1/8,size=16"));
  }

  private static String error(String flag) {
    return assertThrows(InvalidParameterException.class, () -> DefaultAddressPools.parse(List.of(flag)))
        .getMessage();
  }
}
