package org.enginelite.engine.swarm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.TaskRuntime;
import org.enginelite.engine.service.TaskStatus;

/** Containers as map entries: a fake of the engine's side, which the unit tests of the API layer need. */
final class MemoryTaskRuntime implements TaskRuntime {

  final Map<String, TaskStatus> containers = new LinkedHashMap<>();
  private int counter;

  @Override
  public String start(ServiceSpec spec, int slot) {
    return start(spec, slot, "t");
  }

  @Override
  public synchronized String start(ServiceSpec spec, int slot, String taskId) {
    String id = spec.name() + "." + slot + "." + taskId + "#" + (++counter);
    containers.put(id, TaskStatus.running());
    return id;
  }

  @Override
  public synchronized void stop(String containerId) {
    containers.remove(containerId);
  }

  @Override
  public synchronized TaskStatus inspect(String containerId) {
    return containers.getOrDefault(containerId, TaskStatus.missing());
  }

  synchronized void exit(String containerId, int code) {
    containers.put(containerId, TaskStatus.exited(code));
  }
}
