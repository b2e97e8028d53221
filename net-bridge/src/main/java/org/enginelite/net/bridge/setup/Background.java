package org.enginelite.net.bridge.setup;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.enginelite.driver.InternalException;

/**
 * One task on a thread of its own, started now and awaited later: for work that waits on something else (a child
 * process, the kernel) while the caller's thread does its own part.
 *
 * @param <T> the task's result
 */
public final class Background<T> {
  private final FutureTask<T> task;

  private Background(FutureTask<T> task) {
    this.task = task;
  }

  public static <T> Background<T> start(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return new Background<>(task);
  }

  /**
   * The task's result or its failure. Waits through interrupts (the caller decides what to undo only once it
   * knows the outcome) and restores the interrupt flag afterwards.
   */
  public T await() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new InternalException(e.getCause().toString(), e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
