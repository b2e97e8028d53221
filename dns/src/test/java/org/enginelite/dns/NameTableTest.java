package org.enginelite.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.enginelite.driver.ipam.Ipv4Address;
import org.junit.jupiter.api.Test;

class NameTableTest {
  private final NameTable table = new NameTable();

  private static Ipv4Address ip(String s) {
    return Ipv4Address.parse(s);
  }

  @Test
  void lookup_isPerNetworkAndCaseInsensitive() {
    table.register("n1", "c1", List.of("web", "www", "0123456789ab"), ip("172.18.0.2"));
    table.register("n2", "c2", List.of("db"), ip("172.19.0.2"));
    assertEquals(List.of(ip("172.18.0.2")), table.lookup(List.of("n1"), "WWW."));
    assertEquals(List.of(ip("172.18.0.2")), table.lookup(List.of("n1"), "0123456789ab"));
    assertEquals(List.of(), table.lookup(List.of("n1"), "db"));
    assertEquals(List.of(ip("172.19.0.2")), table.lookup(List.of("n1", "n2"), "db"));
  }

  @Test
  void lookup_sharedAlias_returnsEveryAddress() {
    table.register("n1", "c1", List.of("a", "svc"), ip("172.18.0.2"));
    table.register("n1", "c2", List.of("b", "svc"), ip("172.18.0.3"));
    assertEquals(List.of(ip("172.18.0.2"), ip("172.18.0.3")), table.lookup(List.of("n1"), "svc"));
    table.unregister("n1", "c1");
    table.unregister("n1", "c1");
    assertEquals(List.of(ip("172.18.0.3")), table.lookup(List.of("n1"), "svc"));
  }

  @Test
  void register_again_replacesNamesAndAddress() {
    table.register("n1", "c1", List.of("old"), ip("172.18.0.2"));
    table.register("n1", "c1", List.of("new"), ip("172.18.0.9"));
    assertEquals(List.of(), table.lookup(List.of("n1"), "old"));
    assertEquals(List.of(ip("172.18.0.9")), table.lookup(List.of("n1"), "new"));
  }

  @Test
  void reverse_givesFirstName_andRemoveNetworkForgetsAll() {
    table.register("n1", "c1", List.of("web", "alias"), ip("172.18.0.2"));
    LocalNames view = table.view(() -> List.of("n1"));
    assertEquals(Optional.of("web"), view.reverse(ip("172.18.0.2")));
    table.removeNetwork("n1");
    assertEquals(List.of(), view.lookup("web"));
    assertEquals(Optional.empty(), view.reverse(ip("172.18.0.2")));
  }

  @Test
  void reverseName_parsesInAddrArpa() {
    assertEquals(Optional.of(ip("172.18.0.2")), ReverseName.parse("2.0.18.172.in-addr.arpa"));
    assertEquals(Optional.empty(), ReverseName.parse("0.18.172.in-addr.arpa"));
    assertEquals(Optional.empty(), ReverseName.parse("example.com"));
  }
}
