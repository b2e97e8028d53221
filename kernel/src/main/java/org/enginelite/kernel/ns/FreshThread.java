package org.enginelite.kernel.ns;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.enginelite.driver.FutureResults;
import org.enginelite.driver.InternalException;

/**
 * Runs one task on a new platform thread that dies afterwards. Namespace membership belongs to a thread, so a
 * thread that entered or unshared a namespace must never be reused (CNI's ns.Do throws such threads away).
 */
final class FreshThread {
  private FreshThread() {}

  static <T> T call(String name, Callable<T> task) {
    FutureTask<T> future = new FutureTask<>(task);
    Thread thread = new Thread(future, name);
    thread.setDaemon(true);
    thread.start();
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InternalException(name + " interrupted", e);
    } catch (ExecutionException e) {
      throw FutureResults.failure(e, name + ": ");
    }
  }
}
