package org.enginelite.engine.spi;

import java.time.Instant;
import java.util.Map;

/**
 * A container's process ended. {@code requested} is true when a user asked for it (stop, kill, rm -f), which
 * restart policies and the service reconciler treat differently from a crash. {@code willRestart} tells whether
 * the engine's restart policy is about to start it again.
 */
public record ContainerExit(String id, String name, int exitCode, Instant finishedAt, boolean requested,
    boolean willRestart, Map<String, String> labels) {
  public ContainerExit {
    labels = Map.copyOf(labels);
  }
}
