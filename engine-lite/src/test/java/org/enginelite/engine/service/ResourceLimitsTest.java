package org.enginelite.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {

  @Test
  void parseNanoCpus_decimal_givesNanoCpus() {
    assertEquals(100_000_000L, ResourceLimits.parseNanoCpus("0.1", "--limit-cpu"));
    assertEquals(2_500_000_000L, ResourceLimits.parseNanoCpus("2.5", "--limit-cpu"));
    assertEquals(1_000_000_000L, ResourceLimits.parseNanoCpus("1", "--limit-cpu"));
  }

  @Test
  void parseNanoCpus_notANumber_dockerMessage() {
    var e = assertThrows(InvalidParameterException.class, () -> ResourceLimits.parseNanoCpus("x", "--limit-cpu"));
    assertEquals("invalid argument \"x\" for \"--limit-cpu\" flag: failed to parse x as a rational number",
        e.getMessage());
  }

  @Test
  void parseNanoCpus_tooPrecise_rejected() {
    var e = assertThrows(InvalidParameterException.class,
        () -> ResourceLimits.parseNanoCpus("0.0000000001", "--limit-cpu"));
    assertEquals("invalid argument \"0.0000000001\" for \"--limit-cpu\" flag: value is too precise", e.getMessage());
  }

  @Test
  void parseMemoryBytes_binaryUnits() {
    assertEquals(50L * 1024 * 1024, ResourceLimits.parseMemoryBytes("50M", "--limit-memory"));
    assertEquals(50L * 1024 * 1024, ResourceLimits.parseMemoryBytes("50mb", "--limit-memory"));
    assertEquals(50L * 1024 * 1024, ResourceLimits.parseMemoryBytes("50MiB", "--limit-memory"));
    assertEquals(1536L * 1024 * 1024, ResourceLimits.parseMemoryBytes("1.5g", "--limit-memory"));
    assertEquals(4096L, ResourceLimits.parseMemoryBytes("4096", "--limit-memory"));
    assertEquals(2048L, ResourceLimits.parseMemoryBytes("2k", "--limit-memory"));
  }

  @Test
  void parseMemoryBytes_badUnit_dockerMessage() {
    var e = assertThrows(InvalidParameterException.class,
        () -> ResourceLimits.parseMemoryBytes("50X", "--limit-memory"));
    assertEquals("invalid argument \"50X\" for \"--limit-memory\" flag: invalid size: '50X'", e.getMessage());
  }

  @Test
  void construct_memoryUnderSixMegabytes_rejected() {
    var e = assertThrows(InvalidParameterException.class, () -> new ResourceLimits(0, 1024 * 1024));
    assertEquals("Minimum memory limit allowed is 6MB", e.getMessage());
  }

  @Test
  void cpusText_printsDecimal() {
    assertEquals("0.1", new ResourceLimits(100_000_000L, 0).cpusText());
  }
}
