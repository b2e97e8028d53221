package org.enginelite.net.bridge.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepQueueTest {
  private final List<String> log = new ArrayList<>();

  private SetupStep step(String name, RuntimeException failure) {
    return new SetupStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void apply() {
        if (failure != null) {
          throw failure;
        }
        log.add("apply " + name);
      }

      @Override
      public void undo() {
        log.add("undo " + name);
        if (name.equals("b-undo-fails")) {
          throw new IllegalStateException("undo failed");
        }
      }
    };
  }

  @Test
  void run_failingStep_undoesCompletedStepsInReverse() {
    IllegalStateException boom = new IllegalStateException("boom");
    StepQueue q = new StepQueue().add(step("a", null)).add(step("b", null)).add(step("c", boom)).add(step("d", null));
    assertSame(boom, assertThrows(IllegalStateException.class, q::run));
    assertEquals(List.of("apply a", "apply b", "undo b", "undo a"), log);
  }

  @Test
  void run_undoFails_othersStillUndone_andFailureKeptAsSuppressed() {
    IllegalStateException boom = new IllegalStateException("boom");
    StepQueue q = new StepQueue().add(step("a", null)).add(step("b-undo-fails", null)).add(step("c", boom));
    IllegalStateException e = assertThrows(IllegalStateException.class, q::run);
    assertEquals(List.of("apply a", "apply b-undo-fails", "undo b-undo-fails", "undo a"), log);
    assertEquals("undo failed", e.getSuppressed()[0].getMessage());
  }

  @Test
  void run_allSucceed_undoesNothing() {
    new StepQueue().add(step("a", null)).add(step("b", null)).run();
    assertEquals(List.of("apply a", "apply b"), log);
  }
}
