package org.enginelite.mount.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.volume.Volume;
import org.enginelite.driver.volume.VolumeSpec;
import org.enginelite.state.SqliteStateStore;
import org.enginelite.volume.local.LocalVolumeDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeServiceTest {
  @TempDir Path dir;
  private SqliteStateStore store;
  private VolumeService volumes;

  @BeforeEach
  void open() {
    store = SqliteStateStore.open(dir.resolve("state"));
    volumes = new VolumeService(store, List.of(LocalVolumeDriver.open(dir.resolve("volumes"), store)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void remove_referencedByStoppedContainer_isRefusedNamingIt() {
    volumes.create("local", VolumeSpec.named("my-vol"));
    volumes.reference("my-vol", "c2");
    volumes.reference("my-vol", "c1");
    ConflictException e = assertThrows(ConflictException.class, () -> volumes.remove("my-vol", true));
    assertEquals("remove my-vol: volume is in use - [c1 c2]", e.getMessage());
    volumes.release("my-vol", "c1");
    volumes.release("my-vol", "c2");
    volumes.remove("my-vol", false);
  }

  @Test
  void reference_rolledBackWithItsTransaction_leavesVolumeFree() {
    volumes.create("local", VolumeSpec.named("my-vol"));
    assertThrows(IllegalStateException.class, () -> store.transact(() -> {
      volumes.reference("my-vol", "c1");
      throw new IllegalStateException("container create failed");
    }));
    assertTrue(volumes.users("my-vol").isEmpty());
  }

  @Test
  void remove_missing_notFoundUnlessForced() {
    assertEquals("get nope: no such volume",
        assertThrows(NotFoundException.class, () -> volumes.remove("nope", false)).getMessage());
    volumes.remove("nope", true);
  }

  @Test
  void create_unknownDriver_isNotFound() {
    assertThrows(NotFoundException.class, () -> volumes.create("nfs-plugin", VolumeSpec.named("v1")));
  }

  @Test
  void prune_leavesReferencedVolumes_reportsReclaimedBytes() throws Exception {
    Volume used = volumes.create("local", VolumeSpec.named("used"));
    Volume free = volumes.create("local", VolumeSpec.named("free"));
    Files.write(free.mountpoint().resolve("x"), new byte[1000]);
    volumes.reference("used", "c1");
    PruneReport report = volumes.prune(VolumeFilter.NONE);
    assertEquals(List.of("free"), report.volumesDeleted());
    assertEquals(1000, report.spaceReclaimed());
    assertTrue(volumes.find("used").isPresent());
    assertTrue(Files.isDirectory(used.mountpoint()));
  }

  @Test
  void list_filters_danglingNameLabelDriver() {
    volumes.create("local", new VolumeSpec("web-data", Map.of(), Map.of("tier", "web"), false));
    volumes.create("local", new VolumeSpec("db-data", Map.of(), Map.of("tier", "db"), false));
    volumes.reference("db-data", "c1");
    assertEquals(List.of("web-data"), names(VolumeFilter.of(Map.of("dangling", List.of("true")))));
    assertEquals(List.of("db-data"), names(VolumeFilter.of(Map.of("dangling", List.of("false")))));
    assertEquals(List.of("web-data"), names(VolumeFilter.of(Map.of("name", List.of("web")))));
    assertEquals(List.of("db-data"), names(VolumeFilter.of(Map.of("label", List.of("tier=db")))));
    assertEquals(List.of("db-data", "web-data"), names(VolumeFilter.of(Map.of("label", List.of("tier")))));
    assertEquals(List.of(), names(VolumeFilter.of(Map.of("driver", List.of("other")))));
  }

  private List<String> names(VolumeFilter f) {
    return volumes.list(f).stream().map(Volume::name).toList();
  }
}
