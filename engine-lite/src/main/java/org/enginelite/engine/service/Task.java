package org.enginelite.engine.service;

import java.time.Instant;
import org.enginelite.driver.InvalidParameterException;

/**
 * One replica of a service, in one slot (1..replicas) as in Docker swarm: a task is never restarted, a dead one
 * is replaced by a new task in the same slot, so a slot's history reads as a list of tasks.
 *
 * @param id unique task id
 * @param sequence increases with every task the reconciler makes: orders a slot's history
 * @param spec the service spec the task was made from (an update is detected by comparing it)
 * @param containerId null until started
 * @param since when the current state was entered ("Running 3 seconds ago")
 * @param exitCode the container's exit code once it ended, else 0
 * @param error why it failed, or null
 */
public record Task(
    String id,
    long sequence,
    String service,
    int slot,
    ServiceSpec spec,
    String containerId,
    TaskState desiredState,
    TaskState currentState,
    Instant createdAt,
    Instant since,
    int exitCode,
    String error) {

  public Task {
    if (slot < 1) {
      throw new InvalidParameterException("task slot must be at least 1, got " + slot);
    }
    if (desiredState != TaskState.RUNNING && desiredState != TaskState.SHUTDOWN) {
      throw new InvalidParameterException("desired state must be running or shutdown, got " + desiredState);
    }
  }

  /** As {@code docker service ps} names it: web.3. */
  public String name() {
    return service + "." + slot;
  }

  public boolean wantedRunning() {
    return desiredState == TaskState.RUNNING;
  }

  /** Moves to {@code state} at {@code now}. */
  public Task withState(TaskState state, Instant now, int exit, String why) {
    return new Task(id, sequence, service, slot, spec, containerId, desiredState, state, createdAt, now, exit,
        why);
  }

  public Task started(String container, Instant now) {
    return new Task(id, sequence, service, slot, spec, container, desiredState, TaskState.STARTING, createdAt, now,
        0, null);
  }

  public Task shutdownDesired() {
    return new Task(id, sequence, service, slot, spec, containerId, TaskState.SHUTDOWN, currentState, createdAt, since,
        exitCode, error);
  }
}
