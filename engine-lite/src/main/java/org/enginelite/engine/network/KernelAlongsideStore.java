package org.enginelite.engine.network;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.enginelite.driver.FutureResults;

/**
 * Runs a live connect's or disconnect's kernel work on a thread of its own while the caller writes the store in
 * its open transaction, so the two overlap instead of adding up. The caller returns only when both are done;
 * it then commits, or (when either failed) rolls back after the kernel work is undone, so a failure leaves
 * neither record nor link.
 */
final class KernelAlongsideStore {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final ExecutorService kernel = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "el-net-kernel-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  /**
   * Runs {@code kernelWork} on the kernel thread and {@code storeWork} here. When {@code storeWork} fails after
   * {@code kernelWork} succeeded, {@code undoKernel} runs. The kernel's failure is thrown before the store's (which
   * is then suppressed in it): the kernel work undoes itself when it fails, so nothing is left to undo here.
   */
  void alongside(Runnable kernelWork, Runnable storeWork, Runnable undoKernel) {
    CompletableFuture<Void> inKernel = CompletableFuture.runAsync(kernelWork, kernel);
    RuntimeException storeFailure = null;
    try {
      storeWork.run();
    } catch (RuntimeException e) {
      storeFailure = e;
    }
    RuntimeException kernelFailure = await(inKernel);
    if (kernelFailure != null) {
      if (storeFailure != null) {
        kernelFailure.addSuppressed(storeFailure);
      }
      throw kernelFailure;
    }
    if (storeFailure != null) {
      try {
        undoKernel.run();
      } catch (RuntimeException again) {
        storeFailure.addSuppressed(again);
      }
      throw storeFailure;
    }
  }

  /** Waits for the kernel work (never interrupted half-way: its result decides the transaction). */
  private static RuntimeException await(CompletableFuture<Void> work) {
    try {
      FutureResults.await(work);
      return null;
    } catch (RuntimeException failure) {
      return failure;
    }
  }
}
