package org.enginelite.net.bridge.setup;

/**
 * A step whose work, once started, goes on outside the calling thread (in a child process) until awaited, so the
 * caller does other steps meanwhile without a thread of its own for this one.
 */
public interface ConcurrentStep {
  String name();

  /** Starts the work and returns at once; a failure to start is thrown here. */
  Running start();

  /** Undoes a completed step. */
  void undo();

  /** Started work. */
  interface Running {
    /** Waits for the work to end; its failure is thrown here. Must be called exactly once. */
    void await();
  }
}
