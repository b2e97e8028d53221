package org.enginelite.kernel.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enginelite.kernel.KernelException;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Privileged
class MountsTest {
  @TempDir Path dir;

  @AfterEach
  void unmountEverything() {
    Mounts.unmountTree(dir, true);
  }

  @Test
  void tmpfs_mountedThenUnmounted_unmountAgainReturnsFalse() throws Exception {
    Path target = Files.createDirectory(dir.resolve("t"));
    Mounts.tmpfs(target, MountFlags.MS_NOSUID | MountFlags.MS_NODEV, "size=1m,mode=0755");
    assertEquals("tmpfs", Mounts.find(target).orElseThrow().fsType());
    assertTrue(Mounts.unmount(target, false));
    assertFalse(Mounts.unmount(target, false));
    assertFalse(Mounts.isMountPoint(target));
  }

  @Test
  void overlay_writeInMerged_landsInUpperAndLeavesLowerUntouched() throws Exception {
    Path lower = Files.createDirectory(dir.resolve("lower"));
    Files.writeString(lower.resolve("f"), "image");
    Path upper = Files.createDirectory(dir.resolve("upper"));
    Path work = Files.createDirectory(dir.resolve("work"));
    Path merged = Files.createDirectory(dir.resolve("merged"));
    Mounts.overlay(List.of(lower), upper, work, merged);
    Files.writeString(merged.resolve("f"), "container");
    assertEquals("container", Files.readString(upper.resolve("f")));
    assertEquals("image", Files.readString(lower.resolve("f")));
  }

  @Test
  void bindReadOnly_writeThroughIt_failsWhileSourceStaysWritable() throws Exception {
    Path src = Files.createDirectory(dir.resolve("src"));
    Path target = Files.createDirectory(dir.resolve("ro"));
    Mounts.bind(src, target, false);
    Mounts.remountReadOnly(target, 0);
    assertThrows(java.io.IOException.class, () -> Files.writeString(target.resolve("x"), "no"));
    Files.writeString(src.resolve("y"), "yes");
    assertEquals("yes", Files.readString(target.resolve("y")));
  }

  @Test
  void mount_missingTarget_namesCallTargetAndErrno() {
    KernelException e = assertThrows(KernelException.class,
        () -> Mounts.tmpfs(dir.resolve("missing"), 0, null));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    assertTrue(e.getMessage().contains("(ENOENT)"), e.getMessage());
  }
}
