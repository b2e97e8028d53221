package org.enginelite.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class KernelNamesTest {
  @Test
  void ifName_longSuffix_isCutToFifteenBytes() {
    assertEquals("elv0123456789ab", KernelNames.ifName("v", "0123456789abcdef"));
  }

  @Test
  void checkIfName_sixteenBytes_isRejectedNamingTheName() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> KernelNames.checkIfName("elbr-0123456789a"));
    assertTrue(e.getMessage().contains("elbr-0123456789a"));
  }

  @Test
  void checkIfName_slash_isRejected() {
    assertThrows(InvalidParameterException.class, () -> KernelNames.checkIfName("el/x"));
  }

  @Test
  void isOurs_dockerBridge_isFalse() {
    assertFalse(KernelNames.isOurs("docker0"));
    assertTrue(KernelNames.isOurs("el0"));
    assertTrue(KernelNames.isOurChain("EL-FORWARD"));
  }
}
