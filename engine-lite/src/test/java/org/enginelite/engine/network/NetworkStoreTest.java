package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enginelite.state.SqliteStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The networks kept in memory between changes always read as the store's committed records. */
class NetworkStoreTest {
  @TempDir Path dir;
  private SqliteStateStore state;
  private NetworkStore networks;

  @BeforeEach
  void open() {
    state = SqliteStateStore.open(dir);
    networks = new NetworkStore(state);
  }

  @AfterEach
  void close() {
    state.close();
  }

  private static NetworkRecord net(String id, String name) {
    return new NetworkRecord(id, name, NetworkRecord.BRIDGE, "2026-01-01T00:00:00Z", false, false, false, Map.of(),
        Map.of(), List.of());
  }

  @Test
  void changes_afterTheNetworksWereRead_areSeenOnceCommitted() {
    networks.putNetwork(net("a1", "one"));
    assertEquals(List.of("one"), names()); // read and kept
    assertEquals("one", networks.network("a1").orElseThrow().name());

    networks.putNetwork(net("a1", "renamed"));
    networks.putNetwork(net("b2", "two"));
    assertEquals(List.of("renamed", "two"), names());
    assertEquals("renamed", networks.network("a1").orElseThrow().name());

    networks.deleteNetwork("a1");
    assertTrue(networks.network("a1").isEmpty());
    assertEquals(List.of("two"), names());
  }

  @Test
  void aRolledBackChange_isNeverSeen_andLaterCommitsAre() {
    networks.putNetwork(net("a1", "one"));
    assertEquals(List.of("one"), names());
    assertThrows(IllegalStateException.class, () -> state.transact(() -> {
      networks.putNetwork(net("b2", "two"));
      networks.deleteNetwork("a1");
      throw new IllegalStateException("rolled back");
    }));
    assertEquals(List.of("one"), names());
    assertTrue(networks.network("b2").isEmpty());
    assertTrue(networks.keepsNetworks(), "the rolled-back change's end lets the networks be kept again");

    networks.putNetwork(net("c3", "three"));
    assertEquals(List.of("one", "three"), names());
    assertEquals(List.of("one", "three"), names());
    assertTrue(networks.keepsNetworks(), "kept again after the commit");
  }

  @Test
  void insideAnOpenChange_theTransactionSeesItsOwnWrites() {
    networks.putNetwork(net("a1", "one"));
    assertEquals(List.of("one"), names());
    state.transact(() -> {
      networks.putNetwork(net("b2", "two"));
      assertEquals(List.of("one", "two"), names());
      assertEquals("two", networks.network("b2").orElseThrow().name());
    });
  }

  private List<String> names() {
    return networks.networks().stream().map(NetworkRecord::name).toList();
  }
}
