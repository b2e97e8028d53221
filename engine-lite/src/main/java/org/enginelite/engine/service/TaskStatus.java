package org.enginelite.engine.service;

/**
 * What the runtime observed of a task's container.
 *
 * @param exitCode meaningful only when the container exited
 * @param error why it is not running, or null
 */
public record TaskStatus(State state, int exitCode, String error) {

  public enum State {
    RUNNING,
    EXITED,
    /** The runtime does not know the container (deleted behind our back, or the engine restarted). */
    MISSING
  }

  public TaskStatus {
    if (state == null) {
      throw new IllegalArgumentException("task status needs a state");
    }
  }

  public static TaskStatus running() {
    return new TaskStatus(State.RUNNING, 0, null);
  }

  public static TaskStatus exited(int exitCode) {
    return new TaskStatus(State.EXITED, exitCode, exitCode == 0 ? null : "task: non-zero exit (" + exitCode + ")");
  }

  public static TaskStatus missing() {
    return new TaskStatus(State.MISSING, -1, "task: container is gone");
  }
}
