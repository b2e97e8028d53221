package org.enginelite.engine.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.UnavailableException;

/** An in-memory {@link TaskRuntime}: containers are entries whose status the test changes. */
final class FakeTaskRuntime implements TaskRuntime {

  record Started(String containerId, ServiceSpec spec, int slot, String taskId) {}

  final List<Started> started = new ArrayList<>();
  final List<String> stopped = new ArrayList<>();
  private final Map<String, TaskStatus> containers = new LinkedHashMap<>();
  private int counter;
  volatile boolean failStarts;
  volatile boolean failStops;
  volatile String failInspectOf;

  @Override
  public String start(ServiceSpec spec, int slot) {
    throw new AssertionError("the reconciler passes the task id");
  }

  @Override
  public synchronized String start(ServiceSpec spec, int slot, String taskId) {
    if (failStarts) {
      throw new UnavailableException("image " + spec.image() + " not found");
    }
    String id = "c" + (++counter);
    containers.put(id, TaskStatus.running());
    started.add(new Started(id, spec, slot, taskId));
    return id;
  }

  @Override
  public synchronized void stop(String containerId) {
    if (failStops) {
      throw new UnavailableException("runc kill " + containerId + ": device busy");
    }
    stopped.add(containerId);
    containers.remove(containerId);
  }

  @Override
  public synchronized TaskStatus inspect(String containerId) {
    if (containerId.equals(failInspectOf)) {
      throw new UnavailableException("runc state " + containerId + ": timed out");
    }
    return containers.getOrDefault(containerId, TaskStatus.missing());
  }

  /** The container's process exits, as when someone kills it. */
  synchronized void exit(String containerId, int code) {
    containers.put(containerId, TaskStatus.exited(code));
  }

  synchronized int runningCount() {
    return (int) containers.values().stream().filter(s -> s.state() == TaskStatus.State.RUNNING).count();
  }
}
