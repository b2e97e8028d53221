package org.enginelite.volume.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.enginelite.driver.InternalException;
import org.enginelite.kernel.mount.MountInfo;
import org.enginelite.kernel.mount.Mounts;

/**
 * The on-disk side of local volumes. A volume folder appears and disappears with one rename(2): it is built as
 * {@code .creating-<random>} and renamed to its name; removal renames it to {@code .removing-<name>} before the
 * tree is deleted, so a crash leaves either the whole volume or a leftover that {@link LocalVolumeDriver} resolves
 * on the next start. Nothing is deleted across a mount point.
 */
final class VolumeDirectories {
  static final String CREATING = ".creating-";
  static final String REMOVING = ".removing-";

  private final Path root;

  VolumeDirectories(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create volumes folder " + root, e);
    }
  }

  Path root() {
    return root;
  }

  Path volume(String name) {
    return root.resolve(name);
  }

  Path data(String name) {
    return volume(name).resolve("_data");
  }

  Path removing(String name) {
    return root.resolve(REMOVING + name);
  }

  /** Creates {@code <name>/_data} in one rename; returns false when the folder exists already. */
  boolean create(String name) {
    Path target = volume(name);
    if (Files.isDirectory(target)) {
      return false;
    }
    Path temp = root.resolve(CREATING + UUID.randomUUID());
    try {
      Files.createDirectories(temp.resolve("_data"),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
      move(temp, target);
      return true;
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new InternalException("create volume folder " + target + ": " + e.getMessage(), e);
    }
  }

  /** Makes sure {@code _data} exists for a volume whose record survived but whose folder did not. */
  void ensure(String name) {
    if (!Files.isDirectory(data(name))) {
      create(name);
      try {
        Files.createDirectories(data(name));
      } catch (IOException e) {
        throw new InternalException("create volume folder " + data(name) + ": " + e.getMessage(), e);
      }
    }
  }

  /** First step of a removal: the volume disappears from its name in one rename. */
  void moveToTrash(String name) {
    if (Files.exists(volume(name))) {
      try {
        move(volume(name), removing(name));
      } catch (IOException e) {
        throw new InternalException("remove volume folder " + volume(name) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Undoes {@link #moveToTrash} when the removal could not be committed. */
  void restoreFromTrash(String name) {
    if (Files.exists(removing(name)) && !Files.exists(volume(name))) {
      try {
        move(removing(name), volume(name));
      } catch (IOException e) {
        throw new InternalException("restore volume folder " + volume(name) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Deletes a trashed volume folder, after making sure nothing is mounted inside it. */
  void emptyTrash(String name) {
    deleteTree(removing(name));
  }

  /** Names of the entries in the volumes folder. */
  List<String> entries() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
      dir.forEach(p -> out.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    return out;
  }

  boolean isEmpty(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
    }
  }

  /** Deletes {@code top} and everything below it; mounts below it are detached first, never descended into. */
  void deleteTree(Path top) {
    Path norm = top.toAbsolutePath().normalize();
    if (!Files.exists(norm, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (hasMountBelow(norm)) {
      Mounts.unmountTree(norm, true);
      if (hasMountBelow(norm)) {
        throw new InternalException("refusing to delete " + norm + ": something is still mounted inside it");
      }
    }
    try {
      if (!Files.exists(norm)) {
        return;
      }
      Files.walkFileTree(norm, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          if (exc != null) {
            throw exc;
          }
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new InternalException("delete " + norm + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasMountBelow(Path dir) {
    for (MountInfo m : Mounts.list()) {
      if (m.mountPoint().startsWith(dir)) {
        return true;
      }
    }
    return false;
  }

  private void deleteQuietly(Path p) {
    try {
      deleteTree(p);
    } catch (RuntimeException ignored) {
      // the create already failed; that failure is the one to report
    }
  }
}
