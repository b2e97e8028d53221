package org.enginelite.testkit.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.volume.Volume;
import org.enginelite.driver.volume.VolumeDriver;
import org.enginelite.driver.volume.VolumeSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every volume driver promises, whatever its storage. A driver module subclasses this with
 * {@link #openDriver(Path)}; {@link #reopen()} must give a driver over the same state, as after a daemon restart.
 */
public abstract class AbstractVolumeDriverContractTest {
  @TempDir protected Path dir;
  protected VolumeDriver driver;

  /** A driver keeping everything (data and records) under {@code dir}. */
  protected abstract VolumeDriver openDriver(Path dir);

  /** Releases what {@link #openDriver} opened; the data must stay. */
  protected abstract void closeDriver();

  @BeforeEach
  void open() {
    driver = openDriver(dir);
  }

  @AfterEach
  void close() {
    closeDriver();
  }

  protected void reopen() {
    closeDriver();
    driver = openDriver(dir);
  }

  @Test
  void create_newName_isListedAndInspectable() {
    Volume v = driver.create(new VolumeSpec("my-vol", Map.of(), Map.of("team", "a"), false));
    assertEquals("my-vol", v.name());
    assertEquals(driver.name(), v.driver());
    assertEquals(Map.of("team", "a"), v.labels());
    assertEquals(v, driver.get("my-vol").orElseThrow());
    assertEquals(1, driver.list().size());
  }

  @Test
  void create_existingName_returnsTheExistingVolume() {
    Volume first = driver.create(VolumeSpec.named("my-vol"));
    Volume again = driver.create(new VolumeSpec("my-vol", Map.of(), Map.of("other", "x"), false));
    assertEquals(first, again);
  }

  @Test
  void list_manyVolumes_orderedByName() {
    driver.create(VolumeSpec.named("b-vol"));
    driver.create(VolumeSpec.named("a-vol"));
    assertEquals("a-vol", driver.list().get(0).name());
    assertEquals("b-vol", driver.list().get(1).name());
  }

  @Test
  void mount_writtenData_survivesUnmountAndReopen() throws Exception {
    driver.create(VolumeSpec.named("my-vol"));
    Path path = driver.mount("my-vol", "c1");
    byte[] bytes = {1, 2, 3, 42};
    Files.write(path.resolve("x"), bytes);
    driver.unmount("my-vol", "c1");
    reopen();
    Path again = driver.mount("my-vol", "c2");
    assertArrayEquals(bytes, Files.readAllBytes(again.resolve("x")));
    driver.unmount("my-vol", "c2");
  }

  @Test
  void mount_sameContainerTwice_needsOneUnmount() {
    driver.create(VolumeSpec.named("my-vol"));
    driver.mount("my-vol", "c1");
    driver.mount("my-vol", "c1");
    driver.unmount("my-vol", "c1");
    driver.remove("my-vol");
    assertTrue(driver.get("my-vol").isEmpty());
  }

  @Test
  void remove_whileMounted_isRefusedNamingTheContainer() {
    driver.create(VolumeSpec.named("my-vol"));
    driver.mount("my-vol", "c1");
    ConflictException e = assertThrows(ConflictException.class, () -> driver.remove("my-vol"));
    assertEquals("remove my-vol: volume is in use - [c1]", e.getMessage());
    assertTrue(driver.get("my-vol").isPresent());
    driver.unmount("my-vol", "c1");
  }

  @Test
  void remove_mountStateSurvivesReopen_stillRefused() {
    driver.create(VolumeSpec.named("my-vol"));
    driver.mount("my-vol", "c1");
    reopen();
    assertThrows(ConflictException.class, () -> driver.remove("my-vol"));
    driver.unmount("my-vol", "c1");
    driver.remove("my-vol");
  }

  @Test
  void remove_unknown_isNotFound() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> driver.remove("nope"));
    assertEquals("get nope: no such volume", e.getMessage());
  }

  @Test
  void remove_afterUse_dataIsGone() throws Exception {
    driver.create(VolumeSpec.named("my-vol"));
    Path path = driver.mount("my-vol", "c1");
    Files.writeString(path.resolve("x"), "bytes");
    driver.unmount("my-vol", "c1");
    driver.remove("my-vol");
    assertFalse(Files.exists(path));
    driver.create(VolumeSpec.named("my-vol"));
    assertFalse(Files.exists(driver.mount("my-vol", "c1").resolve("x")));
    driver.unmount("my-vol", "c1");
  }

  @Test
  void unmount_unknownVolumeOrContainer_isHarmless() {
    driver.unmount("nope", "c1");
    driver.create(VolumeSpec.named("my-vol"));
    driver.unmount("my-vol", "c9");
    driver.remove("my-vol");
  }

  @Test
  void anonymous_createdWithRandomName_isMarked() {
    Volume v = driver.create(VolumeSpec.newAnonymous());
    assertEquals(64, v.name().length());
    assertTrue(driver.get(v.name()).orElseThrow().anonymous());
  }
}
