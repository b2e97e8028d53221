package org.enginelite.engine.service;

/** One step the reconciler takes to move a service's tasks toward its spec. */
public sealed interface TaskAction {

  /** Make a new task in {@code slot} from {@code spec} and start its container. */
  record Start(ServiceSpec spec, int slot) implements TaskAction {}

  /** Stop a running task (scale down, rolling update, service removal). */
  record Stop(Task task, String reason) implements TaskAction {}

  /** Mark a task that ended by itself as no longer wanted; its slot is replaced or left down. */
  record Retire(Task task) implements TaskAction {}
}
