package org.enginelite.net.bridge.setup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs steps in order; when one fails, undoes the completed ones in reverse and rethrows the failure. Steps added
 * with {@link #alongside} are started first and go on meanwhile (iptables-restore is a child process, the bridge a
 * few netlink requests: neither waits for the other), and {@link #run()} returns only once they finished too.
 */
public final class StepQueue {
  private final List<SetupStep> steps = new ArrayList<>();
  private final List<ConcurrentStep> concurrent = new ArrayList<>();

  public StepQueue add(SetupStep step) {
    steps.add(step);
    return this;
  }

  /** Adds a step that depends on none of the others; it runs while they do. */
  public StepQueue alongside(ConcurrentStep step) {
    concurrent.add(step);
    return this;
  }

  public void run() {
    Deque<Runnable> undo = new ArrayDeque<>();
    RuntimeException failure = null;
    List<ConcurrentStep> startedSteps = new ArrayList<>();
    List<ConcurrentStep.Running> started = new ArrayList<>();
    for (ConcurrentStep step : concurrent) {
      try {
        started.add(step.start());
        startedSteps.add(step);
      } catch (RuntimeException e) {
        failure = e;
        break;
      }
    }
    if (failure == null) {
      for (SetupStep step : steps) {
        try {
          step.apply();
          undo.push(step::undo);
        } catch (RuntimeException e) {
          failure = e;
          break;
        }
      }
    }
    for (int i = 0; i < started.size(); i++) {
      try {
        started.get(i).await();
        undo.push(startedSteps.get(i)::undo);
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
    while (!undo.isEmpty()) {
      try {
        undo.pop().run();
      } catch (RuntimeException undoFailure) {
        failure.addSuppressed(undoFailure);
      }
    }
    throw failure;
  }
}
