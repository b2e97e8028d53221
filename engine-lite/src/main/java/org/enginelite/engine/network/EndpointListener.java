package org.enginelite.engine.network;

import java.nio.file.Path;

/**
 * Told when a running container's endpoint comes and goes: at start, connect and reattach after a daemon restart;
 * at stop, disconnect and remove. Called after the store transaction commits, on the caller's thread. A listener
 * must not throw: networking has done its work by then.
 */
public interface EndpointListener {

  /** The endpoint's interface is up in the container's namespace pinned at {@code netns}. */
  void attached(EndpointRecord endpoint, Path netns);

  /** The endpoint is gone or its container stopped; safe to be told twice. */
  void detached(EndpointRecord endpoint);

  /**
   * The container stopped or is being removed, after its endpoints were detached: what a listener keeps for the
   * container's namespace as a whole (not per endpoint) can go now. Safe to be told twice.
   */
  default void containerStopped(String containerId) {}
}
