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
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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
  private static final FileAttribute<Set<PosixFilePermission>> DATA_MODE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
  private static final Set<PosixFilePermission> VOLUME_MODE = PosixFilePermissions.fromString("rwx--x--x");

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
    // Unique among this folder's entries is all the name needs; SecureRandom (UUID) would cost a urandom read.
    Path temp = root.resolve(CREATING + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      // Two mkdir(2) calls: the folders are known not to exist, and createDirectories would first try the deepest
      // one and walk up through a failed mkdir and an access(2) each time.
      Files.createDirectory(temp, DATA_MODE);
      Files.createDirectory(temp.resolve("_data"), DATA_MODE);
      Files.setPosixFilePermissions(temp, VOLUME_MODE);
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

  /**
   * Deletes a trashed volume folder, after making sure nothing is mounted inside it. A volume nobody wrote to
   * ({@code _data} empty, nothing beside it) goes with two rmdir(2) calls and no read of the mount table, which costs
   * more than the rest of a removal: the trash folder got its name by rename(2), which the kernel refuses for a
   * mount point, and rmdir(2) of {@code _data} fails (EBUSY) when something is mounted on it, so no mount can be
   * crossed. Any other shape, and any failure, takes {@link #deleteTree}.
   */
  void emptyTrash(String name) {
    Path trash = removing(name);
    if (!removeUntouched(trash)) {
      deleteTree(trash);
    }
  }

  /**
   * Removes {@code trash} when it holds nothing but an empty {@code _data}; false if not. No listing first: rmdir(2)
   * itself refuses a folder that is not empty (and a mount point), so the two calls either remove an untouched volume
   * or stop at the first folder that holds something, having removed at most an empty {@code _data}.
   */
  private static boolean removeUntouched(Path trash) {
    try {
      Files.delete(trash.resolve("_data"));
      Files.delete(trash);
      return true;
    } catch (IOException e) {
      return false;
    }
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
