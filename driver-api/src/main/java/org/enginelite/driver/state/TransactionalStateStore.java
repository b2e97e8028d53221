package org.enginelite.driver.state;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The transaction rules every {@link StateStore} shares, in one place: one transaction at a time, nested calls
 * join the outermost one, an exception rolls all of its writes back, after-commit actions run only once it has
 * committed and after-end actions once it ended either way, both outside the lock. A store supplies only how to
 * commit and how to roll back.
 */
public abstract class TransactionalStateStore implements StateStore {
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Runnable> afterEnd = new ArrayList<>();
  private int depth;

  /** Makes the outermost transaction's writes durable; a failure is thrown as an unchecked exception. */
  protected abstract void commitWrites();

  /** Undoes the outermost transaction's writes; must not throw, the original failure is on its way. */
  protected abstract void rollbackWrites();

  @Override
  public final <T> T transact(Supplier<T> work) {
    lock.lock();
    depth++;
    boolean outermost = depth == 1;
    List<Runnable> committed = List.of();
    List<Runnable> ended = List.of();
    try {
      T result = work.get();
      if (outermost) {
        commitWrites();
        committed = List.copyOf(afterCommit);
        afterCommit.clear();
      }
      return result;
    } catch (RuntimeException | Error e) {
      if (outermost) {
        afterCommit.clear();
        rollbackWrites();
      }
      throw e;
    } finally {
      if (outermost) {
        ended = List.copyOf(afterEnd);
        afterEnd.clear();
      }
      depth--;
      lock.unlock();
      committed.forEach(Runnable::run);
      ended.forEach(Runnable::run);
    }
  }

  @Override
  public final void afterCommit(Runnable action) {
    later(afterCommit, action);
  }

  @Override
  public final void afterEnd(Runnable action) {
    later(afterEnd, action);
  }

  private void later(List<Runnable> actions, Runnable action) {
    lock.lock();
    try {
      if (depth == 0) {
        action.run();
      } else {
        actions.add(action);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} holding the store's lock, outside any transaction (closing the store). */
  protected final void locked(Runnable work) {
    lock.lock();
    try {
      work.run();
    } finally {
      lock.unlock();
    }
  }
}
