package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.junit.jupiter.api.Test;

class NetworkFiltersTest {
  private static final NetworkRecord MY_BRIDGE = new NetworkRecord("abcdef0123", "my_bridge", "bridge",
      "2026-01-01T00:00:00Z", false, false, false, Map.of("env", "prod", "team", ""), Map.of(), List.of());
  private static final NetworkRecord HOST = new NetworkRecord("ffee001122", "host", "host",
      "2026-01-01T00:00:00Z", false, false, true, Map.of(), Map.of(), List.of());

  private static boolean matches(Map<String, List<String>> f, NetworkRecord n) {
    return NetworkFilters.forList(f).matches(n, 0);
  }

  @Test
  void matches_nameIsUnanchoredRegexp_driverIsExact() {
    assertTrue(matches(Map.of("name", List.of("bri")), MY_BRIDGE));
    assertTrue(matches(Map.of("name", List.of("^my_")), MY_BRIDGE));
    assertFalse(matches(Map.of("name", List.of("^bri")), MY_BRIDGE));
    assertTrue(matches(Map.of("driver", List.of("bridge")), MY_BRIDGE));
    assertFalse(matches(Map.of("driver", List.of("bri")), MY_BRIDGE));
  }

  @Test
  void matches_labelKeyOrKeyValue_allMustHold() {
    assertTrue(matches(Map.of("label", List.of("env")), MY_BRIDGE));
    assertTrue(matches(Map.of("label", List.of("env=prod", "team")), MY_BRIDGE));
    assertFalse(matches(Map.of("label", List.of("env=dev")), MY_BRIDGE));
  }

  @Test
  void matches_typeAndIdPrefix() {
    assertTrue(matches(Map.of("type", List.of("custom")), MY_BRIDGE));
    assertFalse(matches(Map.of("type", List.of("custom")), HOST));
    assertTrue(matches(Map.of("type", List.of("builtin")), HOST));
    assertTrue(matches(Map.of("id", List.of("abcd")), MY_BRIDGE));
    assertFalse(matches(Map.of("id", List.of("abcd")), HOST));
  }

  @Test
  void forList_unknownKeyOrType_isRefused() {
    assertEquals("invalid filter 'colour'",
        assertThrows(InvalidParameterException.class, () -> NetworkFilters.forList(Map.of("colour", List.of("x"))))
            .getMessage());
    assertThrows(InvalidParameterException.class, () -> NetworkFilters.forList(Map.of("type", List.of("odd"))));
  }

  @Test
  void forPrune_untilInThePast_keepsNewerNetworks() {
    assertTrue(NetworkFilters.forPrune(Map.of("until", List.of("2027-01-01T00:00:00Z"))).matches(MY_BRIDGE, 0));
    assertFalse(NetworkFilters.forPrune(Map.of("until", List.of("2025-01-01T00:00:00Z"))).matches(MY_BRIDGE, 0));
    assertFalse(NetworkFilters.forPrune(Map.of("label!", List.of("env"))).matches(MY_BRIDGE, 0));
  }

  @Test
  void lookup_idThenNameThenUniquePrefix() {
    NetworkRecord other = new NetworkRecord("abc999", "abcdef0123", "bridge", "2026-01-01T00:00:00Z", false,
        false, false, Map.of(), Map.of(), List.of());
    List<NetworkRecord> all = List.of(MY_BRIDGE, HOST, other);
    assertEquals(MY_BRIDGE, NetworkLookup.find(all, "abcdef0123"));
    assertEquals(HOST, NetworkLookup.find(all, "host"));
    assertEquals(HOST, NetworkLookup.find(all, "ffe"));
    assertEquals("network abc is ambiguous (2 matches found based on ID prefix)",
        assertThrows(InvalidParameterException.class, () -> NetworkLookup.find(all, "abc")).getMessage());
    assertEquals("network nope not found",
        assertThrows(NotFoundException.class, () -> NetworkLookup.find(all, "nope")).getMessage());
  }
}
