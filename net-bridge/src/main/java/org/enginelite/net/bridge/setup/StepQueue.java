package org.enginelite.net.bridge.setup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Runs steps in order; when one fails, undoes the completed ones in reverse and rethrows the failure. */
public final class StepQueue {
  private final List<SetupStep> steps = new ArrayList<>();

  public StepQueue add(SetupStep step) {
    steps.add(step);
    return this;
  }

  public void run() {
    Deque<SetupStep> done = new ArrayDeque<>();
    for (SetupStep step : steps) {
      try {
        step.apply();
        done.push(step);
      } catch (RuntimeException e) {
        while (!done.isEmpty()) {
          SetupStep s = done.pop();
          try {
            s.undo();
          } catch (RuntimeException undoFailure) {
            e.addSuppressed(undoFailure);
          }
        }
        throw e;
      }
    }
  }
}
