package org.enginelite.engine.swarm;

import org.enginelite.engine.spi.ApiFilters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.state.StateStore;
import org.enginelite.engine.service.ServiceReconciler;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.Task;
import org.enginelite.engine.service.TaskRuntime;
import org.enginelite.engine.service.api.MappedServiceSpec;
import org.enginelite.engine.service.api.ServiceApiMapper;
import org.enginelite.engine.service.api.ServiceJson;
import org.enginelite.engine.service.api.ServiceSpecJson;
import org.enginelite.engine.service.api.TaskJson;
import org.enginelite.engine.swarm.api.CreateResponseJson;
import org.enginelite.engine.swarm.ingress.ServiceIngress;

/**
 * The services and tasks API of the swarm: ids, versions and persistence around the {@link ServiceReconciler},
 * which does the work. Services and tasks live in the state store, so a restarted engine restores them and the
 * reconciler continues from what its containers really do.
 */
public final class SwarmServices implements AutoCloseable {

  static final String SERVICES = "swarm-services";
  static final String TASKS = "swarm-tasks";
  static final Set<String> SERVICE_FILTERS = Set.of("id", "label", "mode", "name");
  static final Set<String> TASK_FILTERS =
      Set.of("desired-state", "id", "label", "name", "node", "service", "_up-to-date");

  private final Swarm swarm;
  private final StateStore store;
  private final Clock clock;
  private final ServiceReconciler reconciler;
  private final TaskRuntime runtime;
  private final Map<String, StoredService> byId = new ConcurrentHashMap<>();
  /** What the store holds, so a pass writes only the tasks it changed. Loop thread only. */
  private final Map<String, StoredTask> persisted = new HashMap<>();
  private final List<Consumer<List<Task>>> taskListeners = new CopyOnWriteArrayList<>();
  private volatile ServiceIngress ingress;

  public SwarmServices(Swarm swarm, StateStore store, TaskRuntime runtime, Clock clock) {
    this.swarm = swarm;
    this.store = store;
    this.clock = clock;
    this.runtime = runtime;
    this.reconciler = new ServiceReconciler(runtime, clock).onTasksChanged(this::tasksChanged)
        .followUpAfterStarts();
  }

  /** Restores saved services and tasks, then keeps reconciling every {@code tick}. */
  public SwarmServices start(Duration tick) {
    byId.putAll(store.list(SERVICES, StoredService.class));
    Map<String, StoredTask> saved = store.list(TASKS, StoredTask.class);
    persisted.putAll(saved);
    reconciler.restore(byId.values().stream().map(StoredService::spec).toList(),
        saved.values().stream().map(StoredTask::toTask).toList());
    // One pass now: restored tasks whose containers survived are adopted, the others replaced; then the
    // published ports are bound again (a pass that changes nothing does not tell the ingress).
    reconciler.reconcileNow();
    syncIngress();
    reconciler.startTicking(tick);
    return this;
  }

  /** Publishes the services' ports through {@code ingress}, kept in line with services and tasks from now on. */
  public SwarmServices withIngress(ServiceIngress ingress) {
    this.ingress = ingress;
    return this;
  }

  /** Brings the ingress frontends in line with the services and their tasks as last observed. */
  public void syncIngress() {
    ServiceIngress i = ingress;
    if (i != null) {
      List<ServiceSpec> specs = byId.values().stream().map(StoredService::spec).toList();
      i.sync(specs, specs.stream().flatMap(s -> reconciler.tasks(s.name()).stream()).toList());
    }
  }

  /** Called on the reconciler's thread with every task after a pass that changed one. */
  public void onTasksChanged(Consumer<List<Task>> listener) {
    taskListeners.add(listener);
  }

  /** The engine reports a container exit: reconcile now instead of at the next tick. */
  public void containerExited(String containerId) {
    reconciler.containerExited(containerId);
  }

  public CreateResponseJson create(ServiceSpecJson json) {
    swarm.requireManager();
    MappedServiceSpec mapped = ServiceApiMapper.toSpec(json);
    StoredService created;
    synchronized (this) {
      ServiceSpec spec = mapped.spec();
      if (byName(spec.name()).isPresent()) {
        throw new ConflictException("name conflicts with an existing object: service " + spec.name()
            + " already exists");
      }
      spec = spec.withPorts(PortAllocator.assign(spec.name(), spec.ports(), byId.values()));
      String now = clock.instant().toString();
      created = new StoredService(SwarmIds.newId(), 1, now, now, spec);
      store.put(SERVICES, created.id(), created);
      byId.put(created.id(), created);
    }
    reconciler.deploy(created.spec());
    syncIngress();
    return new CreateResponseJson(created.id(), mapped.warnings());
  }

  /** POST /services/{id}/update?version=N: {@code version} must be the one last read. */
  public CreateResponseJson update(String idOrName, long version, ServiceSpecJson json) {
    swarm.requireManager();
    MappedServiceSpec mapped = ServiceApiMapper.toSpec(json);
    StoredService updated;
    synchronized (this) {
      StoredService current = resolve(idOrName);
      if (version != current.version()) {
        throw new ConflictException("update out of sequence");
      }
      ServiceSpec spec = mapped.spec();
      if (!spec.name().equals(current.name())) {
        throw new InvalidParameterException("renaming services is not supported");
      }
      List<StoredService> others = byId.values().stream().filter(s -> !s.id().equals(current.id())).toList();
      spec = spec.withPorts(PortAllocator.assign(spec.name(), spec.ports(), others));
      updated = current.updated(spec, clock.instant().toString());
      store.put(SERVICES, updated.id(), updated);
      byId.put(updated.id(), updated);
    }
    reconciler.deploy(updated.spec());
    syncIngress();
    return new CreateResponseJson(null, mapped.warnings());
  }

  /**
   * DELETE /services/{id}. Returns once the service's tasks are stopped, so a {@code stack rm} that removes the
   * stack's networks next finds no task still attached to them.
   */
  public void remove(String idOrName) {
    swarm.requireManager();
    StoredService gone;
    synchronized (this) {
      gone = resolve(idOrName);
      store.delete(SERVICES, gone.id());
      byId.remove(gone.id());
    }
    reconciler.remove(gone.name());
    reconciler.reconcileNow();
    runtime.awaitStops();
    syncIngress();
  }

  /** Every service, its tasks stopped: {@code swarm leave --force}. Not inside a store transaction. */
  public void removeAll() {
    for (StoredService s : List.copyOf(byId.values())) {
      store.delete(SERVICES, s.id());
      byId.remove(s.id());
      reconciler.remove(s.name());
    }
    reconciler.reconcileNow();
    runtime.awaitStops();
  }

  public List<ServiceJson> list(ApiFilters filters) {
    swarm.requireManager();
    return byId.values().stream()
        .filter(s -> filters.any("id", s.id()::startsWith))
        .filter(s -> filters.any("name", s.name()::equals))
        .filter(s -> filters.any("mode", "replicated"::equals))
        .filter(s -> filters.labels(s.spec().labels()))
        .sorted(Comparator.comparing(StoredService::createdAt).thenComparing(StoredService::id))
        .map(this::toJson)
        .toList();
  }

  public ServiceJson inspect(String idOrName) {
    swarm.requireManager();
    return toJson(resolve(idOrName));
  }

  public List<TaskJson> tasks(ApiFilters filters) {
    SwarmCluster c = swarm.requireManager();
    Set<String> serviceIds = new java.util.HashSet<>();
    for (String s : filters.get("service")) {
      serviceIds.add(resolve(s).id());
    }
    List<TaskJson> out = new ArrayList<>();
    for (StoredService s : byId.values()) {
      if (!serviceIds.isEmpty() && !serviceIds.contains(s.id())) {
        continue;
      }
      if (!filters.labels(s.spec().labels())) {
        continue;
      }
      for (Task t : reconciler.tasks(s.name())) {
        if (filters.any("id", t.id()::startsWith)
            && filters.any("name", n -> t.name().startsWith(n))
            && filters.any("node", n -> n.equals(c.nodeId()))
            && filters.any("desired-state", d -> desiredStateMatches(d, t))
            && filters.any("_up-to-date", u -> !u.equals("true") || t.spec().sameTaskTemplate(s.spec()))) {
          out.add(ServiceApiMapper.toJson(t, s.id(), c.nodeId(), t.sequence()));
        }
      }
    }
    return out;
  }

  public TaskJson task(String id) {
    SwarmCluster c = swarm.requireManager();
    for (StoredService s : byId.values()) {
      for (Task t : reconciler.tasks(s.name())) {
        if (t.id().equals(id)) {
          return ServiceApiMapper.toJson(t, s.id(), c.nodeId(), t.sequence());
        }
      }
    }
    throw new NotFoundException("task " + id + " not found");
  }

  /** The tasks of a service, history included, newest of each slot first. */
  public List<Task> tasksOf(String idOrName) {
    return reconciler.tasks(resolve(idOrName).name());
  }

  /** The stored service for an id, a name or a unique id prefix, as Docker resolves them. */
  public StoredService resolve(String idOrName) {
    StoredService exact = byId.get(idOrName);
    if (exact != null) {
      return exact;
    }
    Optional<StoredService> named = byName(idOrName);
    if (named.isPresent()) {
      return named.get();
    }
    List<StoredService> prefixed = byId.values().stream().filter(s -> s.id().startsWith(idOrName)).toList();
    if (prefixed.size() == 1 && !idOrName.isEmpty()) {
      return prefixed.get(0);
    }
    throw new NotFoundException("service " + idOrName + " not found");
  }

  /** Runs one reconcile pass and waits for it (tests, and callers that must see its effect). */
  public void reconcileNow() {
    reconciler.reconcileNow();
  }

  public List<StoredService> services() {
    return List.copyOf(byId.values());
  }

  private Optional<StoredService> byName(String name) {
    return byId.values().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static boolean desiredStateMatches(String wanted, Task t) {
    // Docker accepts running, shutdown and accepted; accepted covers tasks not yet running.
    return switch (wanted) {
      case "running" -> t.wantedRunning();
      case "shutdown" -> !t.wantedRunning();
      case "accepted" -> t.wantedRunning() && !t.currentState().terminal();
      default -> throw new InvalidParameterException(
          "Invalid desired-state filter value: " + wanted + ". Allowed values: running, shutdown, accepted");
    };
  }

  private ServiceJson toJson(StoredService s) {
    return ServiceApiMapper.toJson(s.id(), s.version(), Instant.parse(s.createdAt()), Instant.parse(s.updatedAt()),
        s.spec(), reconciler.tasks(s.name()));
  }

  private void tasksChanged(List<Task> all) {
    Map<String, StoredTask> now = new HashMap<>();
    all.forEach(t -> now.put(t.id(), StoredTask.of(t)));
    store.transact(() -> {
      for (String gone : List.copyOf(persisted.keySet())) {
        if (!now.containsKey(gone)) {
          store.delete(TASKS, gone);
        }
      }
      now.forEach((id, t) -> {
        if (!t.equals(persisted.get(id))) {
          store.put(TASKS, id, t);
        }
      });
    });
    persisted.clear();
    persisted.putAll(now);
    ServiceIngress i = ingress;
    if (i != null) {
      i.sync(byId.values().stream().map(StoredService::spec).toList(), all);
    }
    taskListeners.forEach(l -> l.accept(all));
  }

  @Override
  public void close() {
    reconciler.close();
  }
}
