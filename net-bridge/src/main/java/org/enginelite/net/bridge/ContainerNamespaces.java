package org.enginelite.net.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.enginelite.kernel.netlink.Rtnetlink;
import org.enginelite.kernel.ns.NetNs;

/**
 * rtnetlink sockets opened inside containers' namespaces, kept while the driver has endpoints there: opening one
 * means a fresh thread entering the namespace, which a connect to a running container then no longer pays. A
 * socket keeps its namespace alive, so it is closed with the last endpoint the driver joined there (leave), and
 * one whose namespace file now holds another namespace (a container started again) is replaced.
 */
final class ContainerNamespaces implements AutoCloseable {
  private final Map<Path, Entry> byNetns = new HashMap<>();
  private final Map<String, Path> netnsOfEndpoint = new HashMap<>();

  private record Entry(Rtnetlink rtnetlink, Object inode, Set<String> endpoints) {}

  /** The socket inside {@code netns}, which endpoint {@code endpointId} now uses until {@link #release}. */
  synchronized Rtnetlink acquire(NetNs netns, String endpointId) {
    Path path = netns.path();
    Object inode = inode(path);
    Entry e = byNetns.get(path);
    if (e != null && !e.inode().equals(inode)) {
      close(path, e);
      e = null;
    }
    if (e == null) {
      e = new Entry(Rtnetlink.openIn(netns), inode, new HashSet<>());
      byNetns.put(path, e);
    }
    e.endpoints().add(endpointId);
    netnsOfEndpoint.put(endpointId, path);
    return e.rtnetlink();
  }

  /** The socket endpoint {@code endpointId} acquired, or null when it holds none (joined before a restart). */
  synchronized Rtnetlink of(String endpointId) {
    Path path = netnsOfEndpoint.get(endpointId);
    Entry e = path == null ? null : byNetns.get(path);
    return e == null ? null : e.rtnetlink();
  }

  /** The endpoint no longer uses its namespace's socket; the socket closes when no endpoint does. */
  synchronized void release(String endpointId) {
    Path path = netnsOfEndpoint.remove(endpointId);
    Entry e = path == null ? null : byNetns.get(path);
    if (e != null && e.endpoints().remove(endpointId) && e.endpoints().isEmpty()) {
      close(path, e);
    }
  }

  private void close(Path path, Entry e) {
    byNetns.remove(path);
    e.endpoints().forEach(netnsOfEndpoint::remove);
    e.rtnetlink().close();
  }

  private static Object inode(Path netns) {
    try {
      return Files.getAttribute(netns, "unix:ino");
    } catch (IOException e) {
      throw new org.enginelite.driver.NotFoundException("network namespace " + netns + " does not exist");
    }
  }

  @Override
  public synchronized void close() {
    for (Entry e : Map.copyOf(byNetns).values()) {
      e.rtnetlink().close();
    }
    byNetns.clear();
    netnsOfEndpoint.clear();
  }
}
