package org.enginelite.net.bridge;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.enginelite.driver.InternalException;
import org.enginelite.kernel.netlink.Rtnetlink;
import org.enginelite.kernel.ns.NetNs;

/**
 * The network namespace the driver treats as "the host": where bridges, host veth ends, firewall rules and port
 * reservations live. In the engine that is the daemon's own namespace; a test hands the driver a namespace it
 * created, so nothing touches the real host.
 */
public final class HostNamespace implements AutoCloseable {
  private final NetNs netns;
  private final Rtnetlink rtnetlink;

  private HostNamespace(NetNs netns, Rtnetlink rtnetlink) {
    this.netns = netns;
    this.rtnetlink = rtnetlink;
  }

  /** The calling process's own namespace. */
  public static HostNamespace current() {
    return new HostNamespace(null, Rtnetlink.open());
  }

  /** A namespace pinned at a path, entered on fresh threads for every call that depends on the namespace. */
  public static HostNamespace of(NetNs netns) {
    return new HostNamespace(netns, Rtnetlink.openIn(netns));
  }

  public Rtnetlink rtnetlink() {
    return rtnetlink;
  }

  public Optional<NetNs> netns() {
    return Optional.ofNullable(netns);
  }

  /**
   * Runs {@code task} so that sockets, sysctl files and child processes it opens belong to this namespace: inline
   * for the process's own namespace, on a fresh thread inside it otherwise.
   */
  public <T> T call(Callable<T> task) {
    if (netns != null) {
      return netns.run(task);
    }
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new InternalException(e.toString(), e);
    }
  }

  @Override
  public void close() {
    rtnetlink.close();
  }

  @Override
  public String toString() {
    return netns == null ? "host netns" : netns.toString();
  }
}
