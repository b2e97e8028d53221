package org.enginelite.ingress;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.enginelite.ingress.transport.Transport;

/**
 * The ways bytes can cross the balancer, each tested: io_uring (the default where the kernel allows it), epoll
 * with splice for bulk streams, and epoll copying through buffers (with splice turned off, or no io_uring).
 */
enum DataPath {
  IO_URING(Transport.IO_URING, false),
  EPOLL_SPLICE(Transport.EPOLL, true),
  EPOLL_COPY(Transport.EPOLL, false);

  final Transport transport;
  final boolean splice;

  DataPath(Transport transport, boolean splice) {
    this.transport = transport;
    this.splice = splice;
  }

  /** A balancer on this path's transport; the test is skipped where the kernel does not offer it. */
  LoadBalancer newBalancer(int eventLoops) {
    assumeTrue(transport.isAvailable(), () -> transport.label() + " unavailable: " + transport.unavailabilityCause());
    return LoadBalancer.create(eventLoops, transport);
  }
}
