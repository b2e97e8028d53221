package org.enginelite.mount;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.enginelite.driver.InternalException;

/**
 * Docker's copy-up: when an empty volume is first mounted over a directory that holds files in the image, those
 * files are copied into it with their owners, modes, times and symlinks, and the volume's root takes the
 * directory's owner and mode. A path that leaves the image root through a symlink is left alone.
 */
public final class ImageContentCopier {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private ImageContentCopier() {}

  /**
   * Copies {@code imageRoot + target} into {@code volumeData} when the volume is empty and the image has a
   * directory there; returns true when it copied.
   */
  public static boolean copyIfEmpty(Path imageRoot, String target, Path volumeData) {
    try {
      Path source = imageRoot.resolve(target.substring(1)).normalize();
      if (!Files.isDirectory(source) || !isEmpty(volumeData)
          || !source.toRealPath().startsWith(imageRoot.toRealPath())) {
        return false;
      }
      copyTree(source, volumeData);
      return true;
    } catch (IOException e) {
      throw new InternalException("copy image content at " + target + " into " + volumeData + ": " + e.getMessage(),
          e);
    }
  }

  private static void copyTree(Path source, Path dest) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path to = dest.resolve(source.relativize(dir).toString());
        if (!dir.equals(source)) {
          Files.createDirectory(to);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path to = dest.resolve(source.relativize(file).toString());
        if (attrs.isSymbolicLink()) {
          Files.createSymbolicLink(to, Files.readSymbolicLink(file));
        } else if (attrs.isRegularFile()) {
          Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, NOFOLLOW);
        } else {
          return FileVisitResult.CONTINUE; // devices, fifos and sockets are not image content worth copying
        }
        copyOwner(file, to);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Path to = dest.resolve(source.relativize(dir).toString());
        Files.setAttribute(to, "unix:mode", Files.getAttribute(dir, "unix:mode", NOFOLLOW), NOFOLLOW);
        copyOwner(dir, to);
        Files.setLastModifiedTime(to, (FileTime) Files.getAttribute(dir, "lastModifiedTime", NOFOLLOW));
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void copyOwner(Path from, Path to) throws IOException {
    Files.setAttribute(to, "unix:uid", Files.getAttribute(from, "unix:uid", NOFOLLOW), NOFOLLOW);
    Files.setAttribute(to, "unix:gid", Files.getAttribute(from, "unix:gid", NOFOLLOW), NOFOLLOW);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }
}
