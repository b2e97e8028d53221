package org.enginelite.engine.service;

/**
 * The container side of the reconciler, implemented by the engine. Calls come from the reconciler's single
 * thread, one at a time.
 *
 * <p>Contract: {@link #start} creates and starts one container for {@code slot} of the service and returns its
 * id once the process runs (the engine names it {@code <service>.<slot>.<task id>} as Docker does, joins the
 * spec's networks and applies its mounts and limits); it throws a DriverException when it cannot, leaving
 * nothing behind. {@link #stop} stops and removes a container, and is safe to repeat on a container already
 * gone. {@link #inspect} reports what the container is doing now, {@link TaskStatus.State#MISSING} when unknown.
 */
public interface TaskRuntime {

  String start(ServiceSpec spec, int slot);

  void stop(String containerId);

  TaskStatus inspect(String containerId);
}
