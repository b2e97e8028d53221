package org.enginelite.driver;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work whose result decides what the caller does next, so the wait is never cut short. */
public final class FutureResults {
  private FutureResults() {}

  /**
   * The future's value, waiting through interrupts (the thread's interrupt flag is set again afterwards). A
   * failure is rethrown as it was when it is unchecked; anything else becomes an {@link InternalException}.
   */
  public static <T> T await(Future<T> work) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return work.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw failure(e, "");
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * What the work threw: an unchecked failure as it was (an {@link Error} is thrown from here), anything else as
   * an {@link InternalException} whose message is {@code prefix} and the cause.
   */
  public static RuntimeException failure(ExecutionException e, String prefix) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new InternalException(prefix + cause, cause);
  }
}
