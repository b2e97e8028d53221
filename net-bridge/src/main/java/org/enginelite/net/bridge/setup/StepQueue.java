package org.enginelite.net.bridge.setup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs steps in order; when one fails, undoes the completed ones in reverse and rethrows the failure. A step added
 * with {@link #alongside} runs on a thread of its own meanwhile (iptables-restore is a child process, the bridge a
 * few netlink requests: neither waits for the other), and {@link #run()} returns only once it finished too.
 */
public final class StepQueue {
  private final List<SetupStep> steps = new ArrayList<>();
  private final List<SetupStep> concurrent = new ArrayList<>();

  public StepQueue add(SetupStep step) {
    steps.add(step);
    return this;
  }

  /** Adds a step that depends on none of the others; it runs while they do. */
  public StepQueue alongside(SetupStep step) {
    concurrent.add(step);
    return this;
  }

  public void run() {
    List<Background<SetupStep>> started = new ArrayList<>();
    for (SetupStep step : concurrent) {
      started.add(Background.start(step.name(), () -> {
        step.apply();
        return step;
      }));
    }
    Deque<SetupStep> done = new ArrayDeque<>();
    RuntimeException failure = null;
    for (SetupStep step : steps) {
      try {
        step.apply();
        done.push(step);
      } catch (RuntimeException e) {
        failure = e;
        break;
      }
    }
    for (Background<SetupStep> task : started) {
      try {
        done.push(task.await());
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure == null) {
      return;
    }
    while (!done.isEmpty()) {
      SetupStep s = done.pop();
      try {
        s.undo();
      } catch (RuntimeException undoFailure) {
        failure.addSuppressed(undoFailure);
      }
    }
    throw failure;
  }
}
