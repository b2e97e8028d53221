package org.enginelite.dns.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerFilesTest {
  @TempDir Path dir;

  private static Object inode(Path p) throws Exception {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }

  @Test
  void writeAtomically_replacesByRenameAndLeavesNoTemporary() throws Exception {
    Path f = dir.resolve("hosts");
    ContainerFiles.writeAtomically(f, "a long first version\n");
    Object before = inode(f);
    ContainerFiles.writeAtomically(f, "second\n");
    assertEquals("second\n", Files.readString(f));
    assertNotEquals(before, inode(f));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void rewriteInPlace_keepsInodeAndTruncates() throws Exception {
    Path f = dir.resolve("resolv.conf");
    ContainerFiles.writeAtomically(f, "a long first version\n");
    Object before = inode(f);
    ContainerFiles.rewriteInPlace(f, "short\n");
    assertEquals("short\n", Files.readString(f));
    assertEquals(before, inode(f));
  }
}
