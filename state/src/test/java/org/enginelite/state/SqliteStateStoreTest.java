package org.enginelite.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InternalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest {
  record Lease(String network, String address) {}

  @TempDir Path dir;

  @Test
  void put_thenReopen_recordSurvives() {
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      store.put("leases", "n1/10.0.0.2", new Lease("n1", "10.0.0.2"));
    }
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      assertEquals(new Lease("n1", "10.0.0.2"), store.get("leases", "n1/10.0.0.2", Lease.class).orElseThrow());
    }
  }

  @Test
  void open_exclusiveWal_keepsNoSharedMemoryIndexAndSurvivesReopen() {
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      store.put("leases", "n1/10.0.0.3", new Lease("n1", "10.0.0.3"));
      assertTrue(Files.exists(dir.resolve("state.db-wal")), "WAL mode");
      assertFalse(Files.exists(dir.resolve("state.db-shm")), "WAL index kept in memory, not in a shared file");
    }
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      assertEquals("10.0.0.3", store.get("leases", "n1/10.0.0.3", Lease.class).orElseThrow().address());
    }
  }

  @Test
  void open_whileAnotherStoreHoldsTheDirectory_isRefusedByName_andTheHolderKeepsWorking() {
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      store.put("leases", "n1/10.0.0.4", new Lease("n1", "10.0.0.4"));
      InternalException e = assertThrows(InternalException.class, () -> SqliteStateStore.open(dir));
      assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
      assertTrue(e.getMessage().contains(dir.resolve("state.db").toString()), e.getMessage());
      store.put("leases", "n1/10.0.0.5", new Lease("n1", "10.0.0.5"));
      assertEquals("10.0.0.4", store.get("leases", "n1/10.0.0.4", Lease.class).orElseThrow().address());
    }
  }

  @Test
  void transact_throwingWork_rollsBackEveryWrite() {
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      assertThrows(IllegalStateException.class, () -> store.transact(() -> {
        store.put("leases", "a", new Lease("n", "a"));
        store.transact(() -> store.put("ports", "80", new Lease("n", "b")));
        throw new IllegalStateException("kernel step failed");
      }));
      assertTrue(store.list("leases", Lease.class).isEmpty());
      assertTrue(store.list("ports", Lease.class).isEmpty());
    }
  }

  @Test
  void putIfAbsent_takenKey_returnsFalseAndKeepsOriginal() {
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      assertTrue(store.putIfAbsent("ports", "tcp/80", new Lease("a", "x")));
      assertFalse(store.putIfAbsent("ports", "tcp/80", new Lease("b", "y")));
      assertEquals("a", store.get("ports", "tcp/80", Lease.class).orElseThrow().network());
    }
  }

  @Test
  void listByPrefix_returnsOnlyMatchingKeysInOrder() {
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      store.put("leases", "n1/b", new Lease("n1", "b"));
      store.put("leases", "n1/a", new Lease("n1", "a"));
      store.put("leases", "n2/a", new Lease("n2", "a"));
      Map<String, Lease> n1 = store.listByPrefix("leases", "n1/", Lease.class);
      assertEquals(List.of("n1/a", "n1/b"), List.copyOf(n1.keySet()));
    }
  }

  @Test
  void afterCommit_runsOnlyWhenOutermostCommits() {
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      List<String> ran = new ArrayList<>();
      store.transact(() -> {
        store.afterCommit(() -> ran.add("committed"));
        assertTrue(ran.isEmpty());
      });
      assertEquals(List.of("committed"), ran);
      assertThrows(RuntimeException.class, () -> store.transact(() -> {
        store.afterCommit(() -> ran.add("rolled back"));
        throw new RuntimeException("fail");
      }));
      assertEquals(List.of("committed"), ran);
      assertTrue(store.delete("none", "x") == false);
    }
  }

  @Test
  void afterEnd_runsWhenTheOutermostTransactionEnds_committedOrRolledBack() {
    try (SqliteStateStore store = SqliteStateStore.open(dir)) {
      List<String> ran = new ArrayList<>();
      store.transact(() -> {
        store.transact(() -> store.afterEnd(() -> ran.add("committed")));
        assertTrue(ran.isEmpty(), "a nested transaction's end is not the end");
      });
      assertEquals(List.of("committed"), ran);
      assertThrows(RuntimeException.class, () -> store.transact(() -> {
        store.afterEnd(() -> ran.add("rolled back"));
        throw new RuntimeException("fail");
      }));
      assertEquals(List.of("committed", "rolled back"), ran);
      store.afterEnd(() -> ran.add("no transaction"));
      assertEquals(List.of("committed", "rolled back", "no transaction"), ran);
    }
  }
}
