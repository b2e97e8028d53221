package org.enginelite.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class DefaultAddressPoolFlagTest {
  @Test
  void parse_repeatedFlag_keptInOrder() {
    var o = EngineDaemon.Options.parse("--default-address-pool", "base=10.10.0.0/16,size=24",
        "--default-address-pool=base=10.20.0.0/16,size=20");
    assertEquals(List.of("base=10.10.0.0/16,size=24", "base=10.20.0.0/16,size=20"), o.defaultAddressPools());
    assertEquals(List.of(), EngineDaemon.Options.parse().defaultAddressPools());
  }

  @Test
  void parse_badPool_namesTheProblem() {
    assertEquals("unexpected key 'mask' in 'base=10.0.0.0/8,mask=24'", assertThrows(InvalidParameterException.class,
        () -> EngineDaemon.Options.parse("--default-address-pool", "base=10.0.0.0/8,mask=24")).getMessage());
  }
}
