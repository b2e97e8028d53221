package org.enginelite.driver.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class PortSpecParserTest {
  private static String str(List<PortBinding> b) {
    return b.toString();
  }

  @Test
  void parse_dockerForms() {
    assertEquals("[0.0.0.0:8080->80/tcp]", str(PortSpecParser.parse("8080:80")));
    assertEquals("[127.0.0.1:8080->80/udp]", str(PortSpecParser.parse("127.0.0.1:8080:80/udp")));
    assertEquals("[0.0.0.0:0->80/tcp]", str(PortSpecParser.parse("80")));
    assertEquals("[127.0.0.1:0->80/tcp]", str(PortSpecParser.parse("127.0.0.1::80")));
    assertEquals("[0.0.0.0:0->53/udp]", str(PortSpecParser.parse("53/UDP")));
  }

  @Test
  void parse_ranges_pairPortByPort() {
    List<PortBinding> b = PortSpecParser.parse("50000-51000:50000-51000");
    assertEquals(1001, b.size());
    assertEquals(PortBinding.tcp(50500, 50500), b.get(500));
    assertEquals("[0.0.0.0:8000->80/tcp, 0.0.0.0:8001->81/tcp]", str(PortSpecParser.parse("8000-8001:80-81")));
  }

  @Test
  void parse_bad_givesDockersMessage() {
    assertEquals("invalid containerPort: abc",
        assertThrows(InvalidParameterException.class, () -> PortSpecParser.parse("8080:abc")).getMessage());
    assertEquals("invalid hostPort: 70000",
        assertThrows(InvalidParameterException.class, () -> PortSpecParser.parse("70000:80")).getMessage());
    assertEquals("invalid proto: sctpx",
        assertThrows(InvalidParameterException.class, () -> PortSpecParser.parse("80/sctpx")).getMessage());
    assertEquals("invalid ranges specified for container and host Ports: 80-81 and 8080",
        assertThrows(InvalidParameterException.class, () -> PortSpecParser.parse("8080:80-81")).getMessage());
    assertThrows(InvalidParameterException.class, () -> PortSpecParser.parse("1:2:3:4"));
    assertThrows(InvalidParameterException.class, () -> PortSpecParser.parse("host.example:80:80"));
    assertThrows(InvalidParameterException.class, () -> PortSpecParser.parse("0"));
    assertThrows(InvalidParameterException.class, () -> PortSpecParser.parse(""));
  }
}
