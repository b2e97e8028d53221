package org.enginelite.volume.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.volume.VolumeSpec;
import org.enginelite.state.SqliteStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVolumeDriverTest {
  @TempDir Path dir;
  private SqliteStateStore store;
  private LocalVolumeDriver driver;
  private Path root;

  @BeforeEach
  void open() {
    root = dir.resolve("volumes");
    store = SqliteStateStore.open(dir.resolve("state"));
    driver = LocalVolumeDriver.open(root, store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void reopen() {
    store.close();
    open();
  }

  @Test
  void create_layoutIsDataRootVolumesNameData() {
    assertEquals(root.resolve("my-vol").resolve("_data"), driver.create(VolumeSpec.named("my-vol")).mountpoint());
    assertTrue(Files.isDirectory(root.resolve("my-vol/_data")));
    assertEquals(List.of("my-vol"), List.of(root.toFile().list()));
  }

  @Test
  void create_unknownOption_isRejectedAndNothingIsCreated() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> driver.create(new VolumeSpec("v1", Map.of("foo", "bar"), Map.of(), false)));
    assertEquals("invalid option: \"foo\"", e.getMessage());
    assertTrue(driver.list().isEmpty());
    assertEquals(0, root.toFile().list().length);
  }

  @Test
  void recovery_unfinishedCreate_isDiscarded() throws Exception {
    Files.createDirectories(root.resolve(".creating-123/_data"));
    reopen();
    assertEquals(0, root.toFile().list().length);
  }

  @Test
  void recovery_folderWithoutRecordHoldingData_isAdopted() throws Exception {
    Files.createDirectories(root.resolve("kept/_data"));
    Files.writeString(root.resolve("kept/_data/db"), "precious");
    Files.createDirectories(root.resolve("empty/_data"));
    reopen();
    assertTrue(driver.get("kept").isPresent());
    assertEquals("precious", Files.readString(root.resolve("kept/_data/db")));
    assertTrue(driver.get("empty").isEmpty());
    assertFalse(Files.exists(root.resolve("empty")));
  }

  @Test
  void recovery_removeThatDidNotCommit_isRolledBack() throws Exception {
    driver.create(VolumeSpec.named("my-vol"));
    Files.writeString(root.resolve("my-vol/_data/x"), "data");
    Files.move(root.resolve("my-vol"), root.resolve(".removing-my-vol"));
    reopen();
    assertEquals("data", Files.readString(root.resolve("my-vol/_data/x")));
  }

  @Test
  void recovery_removeThatCommitted_isFinished() throws Exception {
    Files.createDirectories(root.resolve(".removing-gone/_data"));
    Files.writeString(root.resolve(".removing-gone/_data/x"), "data");
    reopen();
    assertEquals(0, root.toFile().list().length);
  }

  @Test
  void create_tmpfsOptions_areKeptAsGiven() {
    Map<String, String> opts = Map.of("type", "tmpfs", "o", "size=64m,uid=1000");
    assertEquals(opts, driver.create(new VolumeSpec("t1", opts, Map.of(), false)).options());
  }
}
