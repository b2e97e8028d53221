package org.enginelite.kernel.ns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.enginelite.kernel.KernelException;
import org.enginelite.kernel.LibC;
import org.enginelite.kernel.mount.Mounts;

/**
 * A persistent network namespace: a namespace kept alive by a bind mount of its nsfs inode on a file, as
 * {@code ip netns add} does under /run/netns, but at a path the caller chooses (the engine's exec-root). The
 * engine creates it before the container's process exists so drivers can configure it; runc then joins it by
 * path.
 */
public final class NetNs {
  private static final String THIS_THREAD_NETNS = "/proc/thread-self/ns/net";

  private final Path path;

  private NetNs(Path path) {
    this.path = path;
  }

  /** Creates a new, empty network namespace (only {@code lo}, down) pinned at {@code file}. */
  public static NetNs create(Path file) {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create namespace file " + file, e);
    }
    try {
      FreshThread.call("netns-create", () -> {
        if (LibC.INSTANCE.unshare(LibC.CLONE_NEWNET) != 0) {
          throw new KernelException("unshare(CLONE_NEWNET) for", file, LibC.errno());
        }
        Mounts.bind(Path.of(THIS_THREAD_NETNS), file, false);
        return null;
      });
    } catch (RuntimeException e) {
      deleteFileQuietly(file);
      throw e;
    }
    return new NetNs(file);
  }

  /** A handle on an existing pinned namespace; fails when nothing is mounted at {@code file}. */
  public static NetNs open(Path file) {
    if (!pinned(file)) {
      throw new org.enginelite.driver.NotFoundException("network namespace " + file + " does not exist");
    }
    return new NetNs(file);
  }

  /** True when a namespace is pinned at {@code file}. */
  public static boolean exists(Path file) {
    return pinned(file);
  }

  /**
   * A namespace bind-mounted on {@code file} shows nsfs's device, not the one of the directory holding the file:
   * two stat calls, where a scan of /proc/self/mountinfo grows with every mount of every container.
   */
  private static boolean pinned(Path file) {
    try {
      Object dev = Files.getAttribute(file, "unix:dev", LinkOption.NOFOLLOW_LINKS);
      Object dirDev = Files.getAttribute(file.toAbsolutePath().getParent(), "unix:dev");
      return !dev.equals(dirDev);
    } catch (IOException e) {
      return false; // no such file (or none we can see): nothing pinned there
    }
  }

  public Path path() {
    return path;
  }

  /**
   * Runs {@code task} with the calling code inside this namespace, on a dedicated thread that is discarded
   * afterwards. Sockets and netlink sockets created in {@code task} belong to this namespace for their lifetime.
   */
  public <T> T run(Callable<T> task) {
    return FreshThread.call("netns " + path.getFileName(), () -> {
      try (NsFd fd = openFd()) {
        if (LibC.INSTANCE.setns(fd.fd(), LibC.CLONE_NEWNET) != 0) {
          throw new KernelException("setns(CLONE_NEWNET)", path, LibC.errno());
        }
      }
      return task.call();
    });
  }

  /** An open fd on the namespace, for IFLA_NET_NS_FD in netlink and for setns(2). Close it. */
  public NsFd openFd() {
    int fd = LibC.INSTANCE.open(path.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
    if (fd < 0) {
      throw new KernelException("open", path, LibC.errno());
    }
    return new NsFd(fd);
  }

  /** Unpins the namespace and removes its file; safe to repeat. The namespace dies with its last process. */
  public void delete() {
    delete(path);
  }

  /** As {@link #delete()} for a path, also one whose mount is already gone. */
  public static void delete(Path file) {
    Mounts.unmount(file, true);
    deleteFileQuietly(file);
  }

  private static void deleteFileQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // an unlinkable file is still unmounted; the caller's reconcile pass retries
    }
  }

  /** An open namespace file descriptor. */
  public static final class NsFd implements AutoCloseable {
    private final int fd;
    private boolean closed;

    NsFd(int fd) {
      this.fd = fd;
    }

    public int fd() {
      return fd;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        LibC.INSTANCE.close(fd);
      }
    }
  }

  @Override
  public String toString() {
    return "netns " + path;
  }
}
