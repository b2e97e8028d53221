package org.enginelite.engine.service;

import java.util.Locale;

/**
 * A task's state, the subset of swarmkit's TaskState a single node needs. {@link #RUNNING} and
 * {@link #SHUTDOWN} are also the two desired states.
 */
public enum TaskState {
  /** Created, not started yet. */
  NEW,
  /** Waiting for a node its placement constraints allow; never started while so. */
  PENDING,
  /** The runtime was asked to start it and has not reported it running yet. */
  STARTING,
  RUNNING,
  /** Its process exited with zero. */
  COMPLETE,
  /** Its process exited non-zero, its container vanished or it could not be started. */
  FAILED,
  /** Stopped by the orchestrator (scale down, update, removal). */
  SHUTDOWN;

  /** Ended by itself or by us: nothing runs for this task any more. */
  public boolean terminal() {
    return this == COMPLETE || this == FAILED || this == SHUTDOWN;
  }

  /** As {@code docker service ps} prints it: "Running". */
  public String display() {
    String n = name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
