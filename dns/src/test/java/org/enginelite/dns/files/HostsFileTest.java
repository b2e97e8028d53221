package org.enginelite.dns.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.ipam.Ipv4Address;
import org.junit.jupiter.api.Test;

class HostsFileTest {
  @Test
  void render_dockerLayout() {
    String hosts = HostsFile.render("0123456789ab", Optional.empty(),
        List.of(Ipv4Address.parse("172.18.0.2"), Ipv4Address.parse("172.19.0.4")),
        List.of(HostsFile.ExtraHost.parse("gw:10.0.0.1")));
    assertEquals("""
        127.0.0.1\tlocalhost
        ::1\tlocalhost ip6-localhost ip6-loopback
        fe00::0\tip6-localnet
        ff00::0\tip6-mcastprefix
        ff02::1\tip6-allnodes
        ff02::2\tip6-allrouters
        10.0.0.1\tgw
        172.18.0.2\t0123456789ab
        172.19.0.4\t0123456789ab
        """, hosts);
  }

  @Test
  void render_domainname_givesFqdnFirst() {
    String hosts = HostsFile.render("web", Optional.of("example.test"), List.of(Ipv4Address.parse("172.18.0.2")),
        List.of());
    assertEquals("172.18.0.2\tweb.example.test web", hosts.lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void extraHost_ipv6AndBadFormat() {
    assertEquals(new HostsFile.ExtraHost("v6", "::1"), HostsFile.ExtraHost.parse("v6:::1"));
    assertThrows(InvalidParameterException.class, () -> HostsFile.ExtraHost.parse("nocolon"));
  }

  @Test
  void withAddress_appendsOnce_keepingLinesTheContainerWrote() {
    String start = HostsFile.render("web", Optional.empty(), List.of(Ipv4Address.parse("172.17.0.2")), List.of())
        + "10.9.9.9\tadded-by-hand\n";
    String connected = HostsFile.withAddress(start, "web", Optional.empty(), Ipv4Address.parse("172.18.0.3"));
    assertEquals(start + "172.18.0.3\tweb\n", connected);
    assertEquals(connected, HostsFile.withAddress(connected, "web", Optional.empty(),
        Ipv4Address.parse("172.18.0.3")));
    assertEquals("a\n172.18.0.3\tweb.example.test web\n", HostsFile.withAddress("a", "web",
        Optional.of("example.test"), Ipv4Address.parse("172.18.0.3")));
  }

  @Test
  void withoutAddress_dropsOnlyThatAddressesLines() {
    String hosts = "127.0.0.1\tlocalhost\n172.17.0.2\tweb\n172.18.0.3\tweb\n172.18.0.33\tother\n";
    assertEquals("127.0.0.1\tlocalhost\n172.17.0.2\tweb\n172.18.0.33\tother\n",
        HostsFile.withoutAddress(hosts, Ipv4Address.parse("172.18.0.3")));
  }
}
