package org.enginelite.engine.service;

/**
 * The container side of the reconciler, implemented by the engine. Calls come from the reconciler's single
 * thread, one at a time.
 *
 * <p>Contract: {@link #start} creates and starts one container for {@code slot} of the service and returns its
 * id once the process runs (joined to the spec's networks with their aliases, with its mounts, environment and
 * limits); it throws a DriverException when it cannot, leaving nothing behind. The reconciler calls the
 * three-argument form, so an engine that wants Docker's container names ({@code <service>.<slot>.<task id>})
 * and swarm labels (com.docker.swarm.task.id ...) overrides that one. {@link #stop} stops and removes a container, and is safe to repeat on a container already
 * gone. {@link #inspect} reports what the container is doing now, {@link TaskStatus.State#MISSING} when unknown.
 */
public interface TaskRuntime {

  String start(ServiceSpec spec, int slot);

  /** As {@link #start(ServiceSpec, int)} for the task {@code taskId}. */
  default String start(ServiceSpec spec, int slot, String taskId) {
    return start(spec, slot);
  }

  void stop(String containerId);

  /**
   * Waits until every stop asked for so far has finished. A runtime whose {@link #stop} returns before the
   * container is gone (it gives the process its grace period in the background) overrides this; callers that
   * must see the containers gone (removing a service before its networks) call it.
   */
  default void awaitStops() {}

  TaskStatus inspect(String containerId);
}
