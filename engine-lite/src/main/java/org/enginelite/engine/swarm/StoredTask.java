package org.enginelite.engine.swarm;

import java.time.Instant;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.Task;
import org.enginelite.engine.service.TaskState;

/** A task as the state store keeps it (times as strings, so the store needs no java.time support). */
public record StoredTask(
    String id,
    long sequence,
    String service,
    int slot,
    ServiceSpec spec,
    String containerId,
    TaskState desiredState,
    TaskState currentState,
    String createdAt,
    String since,
    int exitCode,
    String error) {

  static StoredTask of(Task t) {
    return new StoredTask(t.id(), t.sequence(), t.service(), t.slot(), t.spec(), t.containerId(), t.desiredState(),
        t.currentState(), t.createdAt().toString(), t.since().toString(), t.exitCode(), t.error());
  }

  Task toTask() {
    return new Task(id, sequence, service, slot, spec, containerId, desiredState, currentState,
        Instant.parse(createdAt), Instant.parse(since), exitCode, error);
  }
}
