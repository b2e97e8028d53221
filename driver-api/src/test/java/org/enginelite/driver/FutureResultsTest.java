package org.enginelite.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FutureResultsTest {

  @Test
  void await_interruptedWhileWaiting_stillReturnsTheValueAndKeepsTheInterrupt() throws Exception {
    CompletableFuture<String> work = new CompletableFuture<>();
    CountDownLatch waiting = new CountDownLatch(1);
    String[] got = new String[1];
    boolean[] interruptedAfter = new boolean[1];
    Thread waiter = new Thread(() -> {
      waiting.countDown();
      got[0] = FutureResults.await(work);
      interruptedAfter[0] = Thread.currentThread().isInterrupted();
    });
    waiter.start();
    waiting.await();
    waiter.interrupt();
    Thread.sleep(50); // the interrupt lands while the waiter is blocked; the value is not there yet
    work.complete("done");
    waiter.join();
    assertEquals("done", got[0]);
    assertTrue(interruptedAfter[0]);
  }

  @Test
  void await_uncheckedFailure_isRethrownAsItWas() {
    NotFoundException failure = new NotFoundException("no such link");
    assertSame(failure, assertThrows(NotFoundException.class,
        () -> FutureResults.await(CompletableFuture.failedFuture(failure))));
  }

  @Test
  void await_checkedFailure_becomesAnInternalFaultWithItsCause() {
    IOException failure = new IOException("disk");
    InternalException e = assertThrows(InternalException.class,
        () -> FutureResults.await(CompletableFuture.failedFuture(failure)));
    assertSame(failure, e.getCause());
  }

  @Test
  void failure_namesTheWorkBeforeACheckedCause_andKeepsAnUncheckedOneAsItWas() {
    IOException checked = new IOException("disk");
    RuntimeException named = FutureResults.failure(new ExecutionException(checked), "netns thread: ");
    assertEquals("netns thread: java.io.IOException: disk", named.getMessage());
    assertSame(checked, named.getCause());
    NotFoundException unchecked = new NotFoundException("no such link");
    assertSame(unchecked, FutureResults.failure(new ExecutionException(unchecked), "netns thread: "));
  }
}
