package org.enginelite.engine.spi;

import java.util.List;
import java.util.Map;

/**
 * One feature plugged into the engine (networks, DNS, volumes, services). The engine asks each extension once,
 * at start-up, for its container setup steps and its HTTP routes, then calls {@link #started} when recovery is
 * done, and {@link #close} at shutdown. Every method has a no-op default: implement only what the feature needs.
 */
public interface EngineExtension extends AutoCloseable {

  /** Steps run for every container, in this order, after the steps of extensions listed before this one. */
  default List<ContainerSetupStep> setupSteps() {
    return List.of();
  }

  /** Registers this extension's API routes (paths without the {@code /v1.41} prefix). */
  default void routes(Routes routes) {}

  /**
   * Called once the engine has recovered its containers and before the API socket is bound: the place to
   * reconcile with the kernel, so the first answer a client gets already reflects the restored state.
   */
  default void started(EngineContext engine) {}

  /**
   * Adds or replaces sections of the GET /info answer (the swarm extension fills "Swarm"). Called on every
   * /info request with the engine's own sections already in {@code info}.
   */
  default void info(Map<String, Object> info) {}

  @Override
  default void close() {}
}
