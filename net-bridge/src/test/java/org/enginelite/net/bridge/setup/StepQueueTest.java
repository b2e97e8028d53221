package org.enginelite.net.bridge.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepQueueTest {
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

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

  @Test
  void alongside_runsWhileTheOrderedStepsRun_andRunWaitsForIt() {
    CountDownLatch orderedStarted = new CountDownLatch(1);
    SetupStep waitsForOrdered = new SetupStep() {
      @Override
      public String name() {
        return "rules";
      }

      @Override
      public void apply() {
        try {
          // Only completes if the ordered step runs at the same time; a sequential queue would fail here.
          assertTrue(orderedStarted.await(30, TimeUnit.SECONDS), "the ordered step did not run meanwhile");
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        log.add("apply rules");
      }

      @Override
      public void undo() {
        log.add("undo rules");
      }
    };
    SetupStep ordered = new SetupStep() {
      @Override
      public String name() {
        return "bridge";
      }

      @Override
      public void apply() {
        orderedStarted.countDown();
      }

      @Override
      public void undo() {}
    };
    new StepQueue().alongside(waitsForOrdered).add(ordered).run();
    assertEquals(List.of("apply rules"), log);
  }

  @Test
  void alongside_orderedStepFails_concurrentStepIsUndoneToo() {
    IllegalStateException boom = new IllegalStateException("boom");
    StepQueue q = new StepQueue().alongside(step("rules", null)).add(step("a", null)).add(step("b", boom));
    assertSame(boom, assertThrows(IllegalStateException.class, q::run));
    assertTrue(log.containsAll(List.of("apply rules", "apply a", "undo rules", "undo a")), log.toString());
    assertTrue(log.indexOf("undo rules") > log.indexOf("apply rules"), log.toString());
  }

  @Test
  void alongside_concurrentStepFails_orderedStepsAreUndone() {
    IllegalStateException boom = new IllegalStateException("rules failed");
    StepQueue q = new StepQueue().alongside(step("rules", boom)).add(step("a", null)).add(step("b", null));
    assertSame(boom, assertThrows(IllegalStateException.class, q::run));
    assertEquals(List.of("apply a", "apply b", "undo b", "undo a"), log.stream().filter(l -> !l.contains("rules"))
        .toList());
    assertTrue(!log.contains("undo rules"), log.toString());
  }
}
