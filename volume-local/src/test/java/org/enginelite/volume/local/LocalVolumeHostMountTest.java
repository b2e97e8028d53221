package org.enginelite.volume.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.enginelite.driver.volume.VolumeSpec;
import org.enginelite.kernel.mount.MountInfo;
import org.enginelite.kernel.mount.Mounts;
import org.enginelite.state.SqliteStateStore;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** type/o/device volumes really mounted with mount(2) on the host while in use. */
@Privileged
class LocalVolumeHostMountTest {
  @TempDir Path dir;
  private SqliteStateStore store;
  private LocalVolumeDriver driver;

  @BeforeEach
  void open() {
    store = SqliteStateStore.open(dir.resolve("state"));
    driver = LocalVolumeDriver.open(dir.resolve("volumes"), store);
  }

  @AfterEach
  void close() {
    Mounts.unmountTree(dir, true);
    store.close();
  }

  @Test
  void tmpfs_mountedForFirstUserOnly_unmountedAfterLast() {
    driver.create(new VolumeSpec("t1", Map.of("type", "tmpfs", "o", "size=1m,uid=1000"), Map.of(), false));
    Path data = driver.mount("t1", "c1");
    MountInfo m = Mounts.find(data).orElseThrow();
    assertEquals("tmpfs", m.fsType());
    assertTrue(m.superOptions().contains("size=1024k"), m.superOptions());
    assertTrue(m.superOptions().contains("uid=1000"), m.superOptions());
    driver.mount("t1", "c2");
    assertEquals(1, Mounts.list().stream().filter(i -> i.mountPoint().equals(data)).count());
    driver.unmount("t1", "c1");
    assertTrue(Mounts.isMountPoint(data));
    driver.unmount("t1", "c2");
    assertFalse(Mounts.isMountPoint(data));
  }

  @Test
  void tmpfs_sizeOption_limitsWrites() {
    driver.create(new VolumeSpec("t1", Map.of("type", "tmpfs", "o", "size=64k"), Map.of(), false));
    Path data = driver.mount("t1", "c1");
    assertThrows(IOException.class, () -> Files.write(data.resolve("big"), new byte[256 * 1024]));
    driver.unmount("t1", "c1");
  }

  @Test
  void bind_hostDirectory_sharedBothWaysAndUntouchedByRemove() throws Exception {
    Path host = Files.createDirectory(dir.resolve("host"));
    Files.writeString(host.resolve("from-host"), "h");
    driver.create(new VolumeSpec("b1", Map.of("type", "none", "o", "bind", "device", host.toString()),
        Map.of(), false));
    Path data = driver.mount("b1", "c1");
    assertEquals("h", Files.readString(data.resolve("from-host")));
    Files.writeString(data.resolve("from-volume"), "v");
    assertEquals("v", Files.readString(host.resolve("from-volume")));
    driver.unmount("b1", "c1");
    assertFalse(Mounts.isMountPoint(data));
    driver.remove("b1");
    assertEquals("v", Files.readString(host.resolve("from-volume")));
    assertEquals("h", Files.readString(host.resolve("from-host")));
  }

  @Test
  void bind_readOnlyOption_refusesWrites() throws Exception {
    Path host = Files.createDirectory(dir.resolve("host"));
    driver.create(new VolumeSpec("b1", Map.of("type", "none", "o", "bind,ro", "device", host.toString()),
        Map.of(), false));
    Path data = driver.mount("b1", "c1");
    assertThrows(IOException.class, () -> Files.writeString(data.resolve("x"), "no"));
    driver.unmount("b1", "c1");
  }

  @Test
  void remove_staleHostMountLeftByCrash_neverDeletesThroughIt() throws Exception {
    Path host = Files.createDirectory(dir.resolve("host"));
    Files.writeString(host.resolve("keep"), "k");
    driver.create(new VolumeSpec("b1", Map.of("type", "none", "o", "bind", "device", host.toString()),
        Map.of(), false));
    driver.mount("b1", "c1");
    driver.unmount("b1", "c1");
    Mounts.bind(host, dir.resolve("volumes/b1/_data"), false);
    driver.remove("b1");
    assertEquals("k", Files.readString(host.resolve("keep")));
  }

  @Test
  void remove_plainVolumeWithEmptyHostFolderBoundOnData_detachesItAndLeavesTheHostFolder() throws Exception {
    Path host = Files.createDirectory(dir.resolve("host-empty"));
    driver.create(new VolumeSpec("p1", Map.of(), Map.of(), false));
    Mounts.bind(host, dir.resolve("volumes/p1/_data"), false);
    driver.remove("p1");
    assertTrue(Files.isDirectory(host));
    assertFalse(Files.exists(dir.resolve("volumes/p1")));
    assertFalse(Files.exists(dir.resolve("volumes/.removing-p1")));
    assertTrue(Mounts.list().stream().noneMatch(m -> m.mountPoint().startsWith(dir.resolve("volumes"))));
  }

  @Test
  void remove_plainVolumeWithHostFolderOfEmptyFoldersBoundOnData_neverDeletesThroughIt() throws Exception {
    Path host = Files.createDirectory(dir.resolve("host-tree"));
    Files.createDirectory(host.resolve("empty"));
    driver.create(new VolumeSpec("p2", Map.of(), Map.of(), false));
    Mounts.bind(host, dir.resolve("volumes/p2/_data"), false);
    driver.remove("p2");
    assertTrue(Files.isDirectory(host.resolve("empty")));
    assertFalse(Files.exists(dir.resolve("volumes/p2")));
    assertTrue(Mounts.list().stream().noneMatch(m -> m.mountPoint().startsWith(dir.resolve("volumes"))));
  }
}
