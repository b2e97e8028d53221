package org.enginelite.ingress;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;

/**
 * A started frontend: its sockets (one per event loop with SO_REUSEPORT) and its live backend set. Thread-safe.
 */
public interface Listener extends AutoCloseable {

  Frontend frontend();

  /** The bound address; its port is the real one when the frontend asked for port 0. */
  InetSocketAddress localAddress();

  /**
   * Replaces the backend set at once. New connections (UDP flows) use the new set; established ones continue on
   * their backend, including backends removed here, which drain until their last connection ends.
   */
  void setBackends(Collection<InetSocketAddress> backends);

  /** The current set, in round-robin order. */
  List<InetSocketAddress> backends();

  FrontendStats stats();

  /** Stops accepting and closes this frontend's connections (flows). Safe to repeat. */
  @Override
  void close();
}
