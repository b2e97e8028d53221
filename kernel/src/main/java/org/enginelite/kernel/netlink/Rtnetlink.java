package org.enginelite.kernel.netlink;

import org.enginelite.kernel.Kernel;
import org.enginelite.kernel.ns.NetNs;

/**
 * rtnetlink for one network namespace: {@link #links()}, {@link #addresses()}, {@link #routes()} over one socket.
 * Open one per namespace and keep it; there is no global instance, so a driver can be handed the namespace it
 * acts in (the host's, or a test's).
 */
public final class Rtnetlink implements AutoCloseable {
  private final NetlinkSocket socket;
  private final Links links;
  private final Addresses addresses;
  private final Routes routes;

  private Rtnetlink(NetlinkSocket socket) {
    this.socket = socket;
    this.links = new Links(socket);
    this.addresses = new Addresses(socket);
    this.routes = new Routes(socket);
  }

  /** rtnetlink of the calling thread's network namespace. */
  public static Rtnetlink open() {
    Kernel.ensureAvailable();
    return new Rtnetlink(NetlinkSocket.open());
  }

  /** rtnetlink of {@code ns}: the socket is opened inside it once and can then be used from any thread. */
  public static Rtnetlink openIn(NetNs ns) {
    Kernel.ensureAvailable();
    return ns.run(Rtnetlink::open);
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

  @Override
  public void close() {
    socket.close();
  }
}
