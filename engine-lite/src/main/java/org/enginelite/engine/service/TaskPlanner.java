package org.enginelite.engine.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure decision logic of the reconciler, after swarmkit's replicated orchestrator: given a service's spec and its
 * tasks as last observed, the actions that move one step toward the spec.
 *
 * <ul>
 *   <li>A slot 1..replicas with no task gets one; slots above replicas are stopped, highest first, and no other
 *       slot is touched (scaling never restarts the tasks that stay).
 *   <li>A task that ended by itself is retired and replaced in its slot when the restart condition allows it
 *       (any; on-failure with a non-zero exit); with none its slot stays down until the spec changes.
 *   <li>Tasks made from an older template are replaced one slot at a time (update parallelism 1, stop-first,
 *       Docker's defaults): the next slot waits until no task of the service is still starting.
 * </ul>
 */
public final class TaskPlanner {

  private static final Comparator<Task> NEWEST_LAST =
      Comparator.comparingLong(Task::sequence);

  private TaskPlanner() {}

  /** Actions for a service whose spec is {@code desired}, or null when the service was removed. */
  public static List<TaskAction> plan(ServiceSpec desired, List<Task> tasks) {
    if (desired == null) {
      return removeAll(tasks);
    }
    Map<Integer, Task> latest = latestPerSlot(tasks);
    List<TaskAction> actions = new ArrayList<>(retryStops(tasks));
    actions.addAll(scaleDown(desired, tasks));
    for (int slot = 1; slot <= desired.replicas(); slot++) {
      actions.addAll(fillSlot(desired, slot, latest.get(slot)));
    }
    actions.addAll(rollOneSlot(desired, tasks, latest));
    return List.copyOf(actions);
  }

  private static List<TaskAction> removeAll(List<Task> tasks) {
    List<TaskAction> actions = new ArrayList<>();
    for (Task t : tasks) {
      if (t.wantedRunning() || !t.currentState().terminal()) {
        actions.add(new TaskAction.Stop(t, "service removed"));
      }
    }
    return actions;
  }

  /** Tasks we meant to stop whose stop failed: try again. */
  private static List<TaskAction> retryStops(List<Task> tasks) {
    return tasks.stream()
        .filter(t -> !t.wantedRunning() && t.containerId() != null
            && (t.currentState() == TaskState.STARTING || t.currentState() == TaskState.RUNNING))
        .map(t -> (TaskAction) new TaskAction.Stop(t, "retrying stop"))
        .toList();
  }

  private static List<TaskAction> scaleDown(ServiceSpec desired, List<Task> tasks) {
    return tasks.stream()
        .filter(t -> t.wantedRunning() && t.slot() > desired.replicas())
        .sorted(Comparator.comparingInt(Task::slot).reversed())
        .map(t -> (TaskAction) new TaskAction.Stop(t, "scaled down"))
        .toList();
  }

  private static List<TaskAction> fillSlot(ServiceSpec desired, int slot, Task latest) {
    if (latest == null) {
      return List.of(new TaskAction.Start(desired, slot));
    }
    TaskState state = latest.currentState();
    boolean outdated = !latest.spec().sameTaskTemplate(desired);
    if (latest.wantedRunning()) {
      if (state == TaskState.COMPLETE || state == TaskState.FAILED) {
        boolean restart = outdated || desired.restartCondition().restarts(latest.exitCode());
        return restart
            ? List.of(new TaskAction.Retire(latest), new TaskAction.Start(desired, slot))
            : List.of(new TaskAction.Retire(latest));
      }
      if (state == TaskState.PENDING && (outdated || desired.schedulable())) {
        return List.of(new TaskAction.Stop(latest, "rescheduled"), new TaskAction.Start(desired, slot));
      }
      return List.of();
    }
    // The latest task is no longer wanted: stopped by us (scale down, update) frees the slot; ended by itself
    // and not restarted keeps it down until the template changes (docker service update re-creates it).
    if (state == TaskState.SHUTDOWN || outdated) {
      return List.of(new TaskAction.Start(desired, slot));
    }
    return List.of();
  }

  private static List<TaskAction> rollOneSlot(ServiceSpec desired, List<Task> tasks, Map<Integer, Task> latest) {
    boolean inFlight = tasks.stream().anyMatch(t -> t.wantedRunning()
        && (t.currentState() == TaskState.NEW || t.currentState() == TaskState.STARTING));
    if (inFlight) {
      return List.of();
    }
    for (int slot = 1; slot <= desired.replicas(); slot++) {
      Task t = latest.get(slot);
      if (t != null && t.wantedRunning() && t.currentState() == TaskState.RUNNING
          && !t.spec().sameTaskTemplate(desired)) {
        return List.of(new TaskAction.Stop(t, "updated"), new TaskAction.Start(desired, slot));
      }
    }
    return List.of();
  }

  /** The newest task of each slot. */
  static Map<Integer, Task> latestPerSlot(List<Task> tasks) {
    Map<Integer, Task> latest = new HashMap<>();
    for (Task t : tasks) {
      latest.merge(t.slot(), t, (a, b) -> NEWEST_LAST.compare(a, b) >= 0 ? a : b);
    }
    return latest;
  }
}
