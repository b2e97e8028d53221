package org.enginelite.engine.container;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enginelite.engine.spi.ContainerContext;
import org.enginelite.engine.spi.ContainerSetupStep;

/**
 * Runs the extensions' steps for one phase in order; when one fails, undoes the ones already done in reverse
 * and rethrows. Phases that release resources (stopped, remove) run every step and report only the first failure.
 */
final class SetupSteps {
  private static final Logger LOG = Logger.getLogger(SetupSteps.class.getName());

  private final List<ContainerSetupStep> steps;

  SetupSteps(List<ContainerSetupStep> steps) {
    this.steps = List.copyOf(steps);
  }

  boolean isEmpty() {
    return steps.isEmpty();
  }

  void validate(ContainerContext c) {
    steps.forEach(s -> s.validate(c));
  }

  void create(ContainerContext c) {
    forward(c, ContainerSetupStep::create, (s, ctx) -> s.remove(ctx, false));
  }

  void start(ContainerContext c) {
    forward(c, ContainerSetupStep::start, ContainerSetupStep::stopped);
  }

  void reattach(ContainerContext c) {
    releaseAll(c, ContainerSetupStep::reattach, false);
  }

  void stopped(ContainerContext c) {
    releaseAll(c, ContainerSetupStep::stopped, true);
  }

  void remove(ContainerContext c, boolean removeVolumes) {
    releaseAll(c, (s, ctx) -> s.remove(ctx, removeVolumes), true);
  }

  private void forward(ContainerContext c, BiConsumer<ContainerSetupStep, ContainerContext> action,
      BiConsumer<ContainerSetupStep, ContainerContext> undo) {
    Deque<ContainerSetupStep> done = new ArrayDeque<>();
    try {
      for (ContainerSetupStep s : steps) {
        action.accept(s, c);
        done.push(s);
      }
    } catch (RuntimeException e) {
      while (!done.isEmpty()) {
        ContainerSetupStep s = done.pop();
        try {
          undo.accept(s, c);
        } catch (RuntimeException undoFailure) {
          e.addSuppressed(undoFailure);
        }
      }
      throw e;
    }
  }

  private void releaseAll(ContainerContext c, BiConsumer<ContainerSetupStep, ContainerContext> action,
      boolean reverse) {
    List<ContainerSetupStep> order = new java.util.ArrayList<>(steps);
    if (reverse) {
      java.util.Collections.reverse(order);
    }
    for (ContainerSetupStep s : order) {
      try {
        action.accept(s, c);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, s.name() + " failed for container " + c.shortId() + ": " + e.getMessage(), e);
      }
    }
  }
}
