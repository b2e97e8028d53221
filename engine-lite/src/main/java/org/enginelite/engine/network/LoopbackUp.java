package org.enginelite.engine.network;

import java.nio.file.Path;

/** Brings up {@code lo} in a network namespace (containers in {@code none} mode have nothing else). */
@FunctionalInterface
public interface LoopbackUp {
  void up(Path netns);
}
