package org.enginelite.engine.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enginelite.driver.NotFoundException;

/**
 * Keeps every service's tasks in line with its spec. All work runs on one scheduled thread, so the task table
 * needs no locks and the runtime sees one call at a time; a pass runs on every event (a spec deployed or removed,
 * a container exit reported by the engine) and on a periodic tick that catches what no event reported.
 *
 * <p>A pass: observe (inspect the containers of tasks meant to run), decide ({@link TaskPlanner}), act
 * (start, stop, retire through the {@link TaskRuntime}), then trim each slot's history to
 * {@link #HISTORY_PER_SLOT} tasks as swarm's task-history-retention-limit does.
 */
public final class ServiceReconciler implements AutoCloseable {

  /** Docker swarm's default task-history-retention-limit. */
  public static final int HISTORY_PER_SLOT = 5;

  private static final Logger LOG = Logger.getLogger(ServiceReconciler.class.getName());

  private final TaskRuntime runtime;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final Map<String, ServiceSpec> desired = new ConcurrentHashMap<>();
  /** Owned by the loop thread; readers get {@link #snapshot}. */
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final TaskIds ids = new TaskIds();
  private volatile List<Task> snapshot = List.of();
  private volatile Consumer<List<Task>> onChange = tasks -> {};
  private volatile boolean followUp;

  public ServiceReconciler(TaskRuntime runtime, Clock clock) {
    this.runtime = runtime;
    this.clock = clock;
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "service-reconciler");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts the periodic tick. Without it, passes run only on events and {@link #reconcileNow()}. */
  public ServiceReconciler startTicking(Duration period) {
    long ms = period.toMillis();
    loop.scheduleWithFixedDelay(this::safePass, ms, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * After a pass that started tasks, runs the next pass at once instead of at the next tick, so started tasks
   * are seen running as soon as they are. Off by default, so tests can step pass by pass.
   */
  public ServiceReconciler followUpAfterStarts() {
    this.followUp = true;
    return this;
  }

  /**
   * Calls {@code listener} on the loop thread after every pass that changed a task, with all tasks: the engine
   * saves them (one StateStore transaction) so a restart can {@link #restore} them.
   */
  public ServiceReconciler onTasksChanged(Consumer<List<Task>> listener) {
    this.onChange = listener;
    return this;
  }

  /**
   * Loads services and tasks saved by an earlier run, before any deploy. The first pass inspects the saved
   * containers: those still running are kept, those gone are replaced as their restart condition says.
   */
  public void restore(Collection<ServiceSpec> specs, Collection<Task> saved) {
    specs.forEach(s -> desired.put(s.name(), s));
    runOnLoop(() -> {
      saved.forEach(this::put);
      ids.advancePast(saved.stream().mapToLong(Task::sequence).max().orElse(0));
      snapshot = List.copyOf(tasks.values());
    });
    trigger();
  }

  /** Creates or updates a service (scale, or a new template that rolls its tasks). */
  public void deploy(ServiceSpec spec) {
    desired.put(spec.name(), spec);
    trigger();
  }

  /** Removes a service: its tasks are stopped and forgotten. */
  public void remove(String service) {
    if (desired.remove(service) == null) {
      throw new NotFoundException("service " + service + " not found");
    }
    trigger();
  }

  /** The engine reports that a container stopped; the next pass (started now) sees it. */
  public void containerExited(String containerId) {
    trigger();
  }

  public Optional<ServiceSpec> spec(String service) {
    return Optional.ofNullable(desired.get(service));
  }

  public List<ServiceSpec> specs() {
    return desired.values().stream().sorted(Comparator.comparing(ServiceSpec::name)).toList();
  }

  /** The tasks of a service as of the last pass, history included, by slot then newest first. */
  public List<Task> tasks(String service) {
    return snapshot.stream().filter(t -> t.service().equals(service))
        .sorted(Comparator.comparingInt(Task::slot).thenComparing(Comparator.comparingLong(Task::sequence)
            .reversed()))
        .toList();
  }

  /** Runs one pass on the loop thread and waits for it (tests, and callers that must see the effect). */
  public void reconcileNow() {
    runOnLoop(this::pass);
  }

  private void runOnLoop(Runnable work) {
    try {
      loop.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private void trigger() {
    if (!loop.isShutdown()) {
      loop.execute(this::safePass);
    }
  }

  private void safePass() {
    try {
      pass();
    } catch (RuntimeException e) {
      // A pass must never kill the loop: the next tick retries.
      LOG.log(Level.WARNING, "service reconcile pass failed", e);
    }
  }

  private void pass() {
    boolean startedAny = false;
    observe();
    Set<String> services = new HashSet<>(desired.keySet());
    tasks.values().forEach(t -> services.add(t.service()));
    for (String service : services) {
      ServiceSpec spec = desired.get(service);
      List<Task> mine = tasks.values().stream().filter(t -> t.service().equals(service)).toList();
      for (TaskAction action : TaskPlanner.plan(spec, mine)) {
        act(action);
        startedAny |= action instanceof TaskAction.Start;
      }
      trimHistory(service, spec == null);
    }
    List<Task> now = List.copyOf(tasks.values());
    if (!now.equals(snapshot)) {
      snapshot = now;
      onChange.accept(now);
    }
    if (startedAny && followUp) {
      // Started tasks are seen running by the next pass; run it now rather than at the next tick, so a
      // service reports its replicas (and the ingress gets its backends) as soon as they run.
      trigger();
    }
  }

  private void observe() {
    for (Task t : List.copyOf(tasks.values())) {
      boolean live = t.currentState() == TaskState.STARTING || t.currentState() == TaskState.RUNNING;
      if (!live || t.containerId() == null) {
        continue;
      }
      TaskStatus status;
      try {
        status = runtime.inspect(t.containerId());
      } catch (RuntimeException e) {
        // One container the runtime cannot answer for must not stall every other service: look again next pass.
        LOG.log(Level.WARNING, "inspecting task " + t.name() + " failed: " + e.getMessage());
        continue;
      }
      TaskState now = switch (status.state()) {
        case RUNNING -> TaskState.RUNNING;
        case EXITED -> status.exitCode() == 0 ? TaskState.COMPLETE : TaskState.FAILED;
        case MISSING -> TaskState.FAILED;
      };
      if (now != t.currentState()) {
        put(t.withState(now, clock.instant(), status.exitCode(), status.error()));
      }
    }
  }

  private void act(TaskAction action) {
    if (action instanceof TaskAction.Start s) {
      start(s.spec(), s.slot());
    } else if (action instanceof TaskAction.Stop s) {
      stop(s.task(), s.reason());
    } else if (action instanceof TaskAction.Retire r) {
      put(r.task().shutdownDesired());
    }
  }

  private void start(ServiceSpec spec, int slot) {
    var now = clock.instant();
    Task task = new Task(ids.next(), ids.sequence(), spec.name(), slot, spec, null, TaskState.RUNNING,
        TaskState.NEW, now, now, 0, null);
    if (!spec.schedulable()) {
      put(task.withState(TaskState.PENDING, now, 0, "no suitable node (scheduling constraints not satisfied)"));
      return;
    }
    put(task);
    try {
      put(task.started(runtime.start(spec, slot, task.id()), clock.instant()));
    } catch (RuntimeException e) {
      // A start failure counts as a failed task: the restart condition decides on the next pass.
      put(task.withState(TaskState.FAILED, clock.instant(), -1, "starting container failed: " + e.getMessage()));
    }
  }

  private void stop(Task task, String reason) {
    if (task.containerId() != null && !task.currentState().terminal()) {
      try {
        runtime.stop(task.containerId());
      } catch (RuntimeException e) {
        // Still running as far as we know: stays live with desired shutdown, and the planner retries the stop.
        String error = "stopping container failed: " + e.getMessage();
        LOG.log(Level.WARNING, "task " + task.name() + " (" + reason + "): " + error);
        put(task.shutdownDesired().withState(task.currentState(), task.since(), task.exitCode(), error));
        return;
      }
    }
    Task stopped = task.shutdownDesired();
    if (!task.currentState().terminal()) {
      stopped = stopped.withState(TaskState.SHUTDOWN, clock.instant(), task.exitCode(), null);
    }
    put(stopped);
  }

  /** Forgets the oldest tasks of each slot past the limit (all of them once the service is gone). */
  private void trimHistory(String service, boolean removed) {
    Map<Integer, List<Task>> bySlot = new LinkedHashMap<>();
    tasks.values().stream().filter(t -> t.service().equals(service))
        .sorted(Comparator.comparingLong(Task::sequence).reversed())
        .forEach(t -> bySlot.computeIfAbsent(t.slot(), k -> new ArrayList<>()).add(t));
    for (List<Task> history : bySlot.values()) {
      int keep = removed ? 0 : HISTORY_PER_SLOT;
      for (Task old : history.subList(Math.min(keep, history.size()), history.size())) {
        if (old.wantedRunning() || !old.currentState().terminal()) {
          continue;
        }
        // Stopped tasks had their container removed already; ended ones still keep theirs (for logs).
        if (old.containerId() != null && old.currentState() != TaskState.SHUTDOWN) {
          try {
            runtime.stop(old.containerId());
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "removing container of task " + old.name() + " failed (retried next pass): "
                + e.getMessage());
            continue;
          }
        }
        tasks.remove(old.id());
      }
    }
  }

  private void put(Task t) {
    tasks.put(t.id(), t);
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
