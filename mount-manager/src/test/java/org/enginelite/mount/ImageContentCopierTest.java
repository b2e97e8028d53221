package org.enginelite.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageContentCopierTest {
  @TempDir Path dir;

  @Test
  @Privileged
  void copyIfEmpty_imageFiles_copiedWithOwnersModesAndSymlinks() throws Exception {
    Path image = Files.createDirectories(dir.resolve("image/etc/app/sub"));
    Path app = dir.resolve("image/etc/app");
    Files.writeString(app.resolve("conf"), "k=v");
    Files.setPosixFilePermissions(app.resolve("conf"), PosixFilePermissions.fromString("rw-r-----"));
    Files.setAttribute(app.resolve("conf"), "unix:uid", 1000);
    Files.setAttribute(app, "unix:gid", 1001);
    Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(app.resolve("link"), Path.of("conf"));
    Files.writeString(image.resolve("deep"), "d");
    Path volume = Files.createDirectories(dir.resolve("vol/_data"));

    assertTrue(ImageContentCopier.copyIfEmpty(dir.resolve("image"), "/etc/app", volume));

    assertEquals("k=v", Files.readString(volume.resolve("conf")));
    assertEquals(1000, Files.getAttribute(volume.resolve("conf"), "unix:uid"));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(volume.resolve("conf"))));
    assertEquals(Path.of("conf"), Files.readSymbolicLink(volume.resolve("link")));
    assertEquals("d", Files.readString(volume.resolve("sub/deep")));
    assertEquals(1001, Files.getAttribute(volume, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(volume)));
  }

  @Test
  void copyIfEmpty_volumeHoldsData_leftAlone() throws Exception {
    Files.createDirectories(dir.resolve("image/data"));
    Files.writeString(dir.resolve("image/data/x"), "image");
    Path volume = Files.createDirectories(dir.resolve("vol"));
    Files.writeString(volume.resolve("mine"), "keep");
    assertFalse(ImageContentCopier.copyIfEmpty(dir.resolve("image"), "/data", volume));
    assertFalse(Files.exists(volume.resolve("x")));
  }

  @Test
  void copyIfEmpty_pathEscapingTheImageThroughASymlink_leftAlone() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "s");
    Files.createDirectories(dir.resolve("image"));
    Files.createSymbolicLink(dir.resolve("image/data"), outside);
    Path volume = Files.createDirectories(dir.resolve("vol"));
    assertFalse(ImageContentCopier.copyIfEmpty(dir.resolve("image"), "/data", volume));
  }
}
