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

  /** A concurrent step whose work ends, or fails, when it is awaited. */
  private ConcurrentStep concurrent(String name, RuntimeException failure) {
    return new ConcurrentStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Running start() {
        log.add("start " + name);
        return () -> {
          if (failure != null) {
            throw failure;
          }
          log.add("apply " + name);
        };
      }

      @Override
      public void undo() {
        log.add("undo " + name);
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
  void alongside_startsBeforeTheOrderedSteps_andRunWaitsForIt() {
    CountDownLatch orderedRan = new CountDownLatch(1);
    ConcurrentStep waitsForOrdered = new ConcurrentStep() {
      @Override
      public String name() {
        return "rules";
      }

      @Override
      public Running start() {
        log.add("start rules");
        // Work that goes on by itself, as a child process does; it completes only if the ordered step ran meanwhile.
        Thread work = new Thread(() -> {
          try {
            if (orderedRan.await(30, TimeUnit.SECONDS)) {
              log.add("apply rules");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        work.start();
        return () -> {
          try {
            work.join();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        };
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
        log.add("apply bridge");
        orderedRan.countDown();
      }

      @Override
      public void undo() {}
    };
    new StepQueue().alongside(waitsForOrdered).add(ordered).run();
    assertEquals(List.of("start rules", "apply bridge", "apply rules"), log);
  }

  @Test
  void alongside_orderedStepFails_concurrentStepIsUndoneToo() {
    IllegalStateException boom = new IllegalStateException("boom");
    StepQueue q = new StepQueue().alongside(concurrent("rules", null)).add(step("a", null)).add(step("b", boom));
    assertSame(boom, assertThrows(IllegalStateException.class, q::run));
    assertEquals(List.of("start rules", "apply a", "apply rules", "undo rules", "undo a"), log);
  }

  @Test
  void alongside_concurrentStepFails_orderedStepsAreUndone() {
    IllegalStateException boom = new IllegalStateException("rules failed");
    StepQueue q = new StepQueue().alongside(concurrent("rules", boom)).add(step("a", null)).add(step("b", null));
    assertSame(boom, assertThrows(IllegalStateException.class, q::run));
    assertEquals(List.of("start rules", "apply a", "apply b", "undo b", "undo a"), log);
  }

  @Test
  void alongside_startFails_noOrderedStepRuns() {
    IllegalStateException boom = new IllegalStateException("iptables-restore is not installed");
    ConcurrentStep cannotStart = new ConcurrentStep() {
      @Override
      public String name() {
        return "rules";
      }

      @Override
      public Running start() {
        throw boom;
      }

      @Override
      public void undo() {
        log.add("undo rules");
      }
    };
    StepQueue q = new StepQueue().alongside(cannotStart).add(step("a", null));
    assertSame(boom, assertThrows(IllegalStateException.class, q::run));
    assertEquals(List.of(), log);
  }
}
