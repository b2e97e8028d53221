package org.enginelite.dns.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.enginelite.driver.InternalException;

/**
 * Writes a container's /etc files. Before the container runs, {@link #writeAtomically} replaces the file in one
 * rename, so no reader ever sees half of it. Once the file is bind-mounted into a running container a rename
 * would leave the container looking at the old inode, so updates then go through {@link #rewriteInPlace}.
 */
public final class ContainerFiles {
  private ContainerFiles() {}

  /** Writes {@code content} to a temporary file beside {@code file}, syncs it and renames it over {@code file}. */
  public static void writeAtomically(Path file, String content) {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the write failure is what matters
      }
      throw new InternalException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites {@code file} keeping its inode, for a file a running container has bind-mounted. Not synced: the
   * file matters only while the container runs, and its next start writes it anew.
   */
  public static void rewriteInPlace(Path file, String content) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      ch.write(ByteBuffer.wrap(bytes), 0);
      ch.truncate(bytes.length);
    } catch (IOException e) {
      throw new InternalException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
