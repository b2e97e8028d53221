package org.enginelite.kernel.netlink;

import java.util.concurrent.Callable;
import java.util.function.Function;
import org.enginelite.kernel.Kernel;
import org.enginelite.kernel.ns.NetNs;

/**
 * rtnetlink for one network namespace: {@link #links()}, {@link #addresses()}, {@link #routes()} over one socket.
 * Open one per namespace and keep it; there is no global instance, so a driver can be handed the namespace it
 * acts in (the host's, or a test's).
 */
public final class Rtnetlink implements AutoCloseable {
  private final NetlinkSocket socket;
  private final LinkRemoval removal;
  private final Links links;
  private final Addresses addresses;
  private final Routes routes;

  private Rtnetlink(NetlinkSocket socket, Function<Callable<NetlinkSocket>, NetlinkSocket> openInNamespace) {
    this.socket = socket;
    this.removal = new LinkRemoval(socket, openInNamespace);
    this.links = new Links(socket, removal);
    this.addresses = new Addresses(socket);
    this.routes = new Routes(socket);
  }

  /**
   * rtnetlink of the calling thread's network namespace. The sockets {@link Links#remove(int)} opens later are
   * opened by the thread calling it, which must be in the same namespace (any thread of a process that enters
   * other namespaces only on threads of their own).
   */
  public static Rtnetlink open() {
    Kernel.ensureAvailable();
    return new Rtnetlink(NetlinkSocket.open(), Rtnetlink::callHere);
  }

  /** rtnetlink of {@code ns}: the sockets are opened inside it and can then be used from any thread. */
  public static Rtnetlink openIn(NetNs ns) {
    Kernel.ensureAvailable();
    return new Rtnetlink(ns.run(NetlinkSocket::open), ns::run);
  }

  private static NetlinkSocket callHere(Callable<NetlinkSocket> open) {
    try {
      return open.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public Links links() {
    return links;
  }

  public Addresses addresses() {
    return addresses;
  }

  public Routes routes() {
    return routes;
  }

  /** A new batch of changes sent together over this namespace's socket. */
  public NetlinkBatch batch() {
    return new NetlinkBatch(socket, routes);
  }

  @Override
  public void close() {
    removal.close();
    socket.close();
  }
}
