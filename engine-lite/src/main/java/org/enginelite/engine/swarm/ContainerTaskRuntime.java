package org.enginelite.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enginelite.driver.DriverException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.service.NetworkAttachment;
import org.enginelite.engine.service.ServiceMount;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.TaskRuntime;
import org.enginelite.engine.service.TaskStatus;
import org.enginelite.engine.spi.Containers;

/**
 * Tasks as the engine's containers, made the way swarm makes them: named {@code <service>.<slot>.<task id>},
 * labelled with the swarm labels, joined to the service's networks with the service's name (and the stack's
 * short name) as aliases so other tasks resolve it, with the spec's mounts (named volumes are created on first
 * use by the engine), environment, command and CPU/memory limits (HostConfig.NanoCpus and Memory, which the
 * engine hands to runc as the cgroup's CPU quota and memory limit). The engine's own restart policy stays off:
 * the reconciler replaces a dead task with a new one, as swarm does.
 */
public final class ContainerTaskRuntime implements TaskRuntime {

  private static final Logger LOG = Logger.getLogger(ContainerTaskRuntime.class.getName());

  /** Docker's default stop grace period for tasks (--stop-grace-period 10s). */
  static final int STOP_GRACE_SECONDS = 10;
  /** Tasks of a service without networks join the default bridge, which the host (and so the ingress) reaches. */
  static final String DEFAULT_NETWORK = "bridge";

  private final Supplier<Containers> containers;
  private final ObjectMapper json;
  private final Function<String, String> serviceIds;
  private final Supplier<String> nodeId;
  private final ExecutorService stopper = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "task-stopper");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();

  /**
   * @param serviceIds service name to service id (for the com.docker.swarm.service.id label)
   * @param nodeId the node's id (for com.docker.swarm.node.id)
   */
  public ContainerTaskRuntime(Supplier<Containers> containers, ObjectMapper json,
      Function<String, String> serviceIds, Supplier<String> nodeId) {
    this.containers = containers;
    this.json = json;
    this.serviceIds = serviceIds;
    this.nodeId = nodeId;
  }

  @Override
  public String start(ServiceSpec spec, int slot) {
    return start(spec, slot, SwarmIds.newId());
  }

  @Override
  public String start(ServiceSpec spec, int slot, String taskId) {
    String name = spec.name() + "." + slot + "." + taskId;
    Containers c = containers.get();
    String id = c.create(createRequest(spec, slot, taskId), name);
    try {
      c.start(id);
    } catch (RuntimeException e) {
      // Leave nothing behind: the reconciler counts this task as failed and makes a new one.
      try {
        c.remove(id, true, false);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return id;
  }

  /** Docker's POST /containers/create body for one task. */
  ObjectNode createRequest(ServiceSpec spec, int slot, String taskId) {
    ObjectNode req = json.createObjectNode();
    req.put("Image", spec.image());
    if (!spec.command().isEmpty()) {
      ArrayNode cmd = req.putArray("Cmd");
      spec.command().forEach(cmd::add);
    }
    ArrayNode env = req.putArray("Env");
    spec.env().forEach((k, v) -> env.add(k + "=" + v));
    ObjectNode labels = req.putObject("Labels");
    labels(spec, slot, taskId).forEach(labels::put);
    ObjectNode host = req.putObject("HostConfig");
    if (spec.limits().nanoCpus() > 0) {
      host.put("NanoCpus", spec.limits().nanoCpus());
    }
    if (spec.limits().memoryBytes() > 0) {
      host.put("Memory", spec.limits().memoryBytes());
    }
    host.putObject("RestartPolicy").put("Name", "no");
    ArrayNode mounts = host.putArray("Mounts");
    for (ServiceMount m : spec.mounts()) {
      ObjectNode mount = mounts.addObject();
      mount.put("Type", m.type().name().toLowerCase(Locale.ROOT));
      if (m.source() != null) {
        mount.put("Source", m.source());
      }
      mount.put("Target", m.target());
      if (m.readOnly()) {
        mount.put("ReadOnly", true);
      }
    }
    List<NetworkAttachment> networks = networks(spec);
    host.put("NetworkMode", networks.get(0).network());
    ObjectNode endpoints = req.putObject("NetworkingConfig").putObject("EndpointsConfig");
    for (NetworkAttachment n : networks) {
      ArrayNode aliases = endpoints.putObject(n.network()).putArray("Aliases");
      List<String> names = new ArrayList<>(n.aliases());
      if (!n.network().equals(DEFAULT_NETWORK) && !names.contains(spec.name())) {
        names.add(0, spec.name());
      }
      names.forEach(aliases::add);
    }
    return req;
  }

  private Map<String, String> labels(ServiceSpec spec, int slot, String taskId) {
    Map<String, String> labels = new LinkedHashMap<>();
    String stack = spec.labels().get(SwarmLabels.STACK_NAMESPACE);
    if (stack != null) {
      labels.put(SwarmLabels.STACK_NAMESPACE, stack);
    }
    labels.put(SwarmLabels.NODE_ID, nodeId.get());
    labels.put(SwarmLabels.SERVICE_ID, serviceIds.apply(spec.name()));
    labels.put(SwarmLabels.SERVICE_NAME, spec.name());
    labels.put(SwarmLabels.TASK, "");
    labels.put(SwarmLabels.TASK_ID, taskId);
    labels.put(SwarmLabels.TASK_NAME, spec.name() + "." + slot + "." + taskId);
    return labels;
  }

  /** The spec's networks, or the default bridge when it names none. */
  static List<NetworkAttachment> networks(ServiceSpec spec) {
    return spec.networks().isEmpty() ? List.of(NetworkAttachment.of(DEFAULT_NETWORK)) : spec.networks();
  }

  /**
   * Stops in the background: the process gets its grace period (SIGTERM, SIGKILL after 10 s, as Docker's
   * default --stop-grace-period) without holding up the reconciler, which goes on replacing and starting
   * other tasks meanwhile. The container is removed once stopped.
   */
  @Override
  public void stop(String containerId) {
    FutureTask<Void> f = new FutureTask<>(() -> {
      Containers c = containers.get();
      try {
        c.stop(containerId, STOP_GRACE_SECONDS);
        c.remove(containerId, true, false);
      } catch (NotFoundException e) {
        // Already gone: stopping is safe to repeat.
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "stopping task container " + containerId + " failed: " + e.getMessage());
      } finally {
        pending.remove(containerId);
      }
    }, null);
    pending.put(containerId, f);
    stopper.execute(f);
  }

  @Override
  public void awaitStops() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS + 20);
    for (Future<?> f : List.copyOf(pending.values())) {
      try {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
        LOG.log(Level.WARNING, "a task container did not stop in time: " + e);
      }
    }
  }

  /** Stops the background stopper (waiting for stops under way first). */
  public void close() {
    awaitStops();
    stopper.shutdown();
  }

  @Override
  public TaskStatus inspect(String containerId) {
    JsonNode state;
    try {
      state = containers.get().inspect(containerId).path("State");
    } catch (NotFoundException e) {
      return TaskStatus.missing();
    }
    if (state.path("Running").asBoolean(false) || "running".equals(state.path("Status").asText())) {
      return TaskStatus.running();
    }
    if ("created".equals(state.path("Status").asText())) {
      return new TaskStatus(TaskStatus.State.EXITED, -1, "task: container was never started");
    }
    return TaskStatus.exited(state.path("ExitCode").asInt(-1));
  }

  /** The task container's address on {@code network} (the first of the service's networks), if it has one. */
  public Optional<InetAddress> address(String containerId, String network) {
    try {
      JsonNode nets = containers.get().inspect(containerId).path("NetworkSettings").path("Networks");
      JsonNode n = nets.path(network);
      String ip = n.path("IPAddress").asText("");
      if (ip.isEmpty() && nets.size() > 0) {
        ip = nets.elements().next().path("IPAddress").asText("");
      }
      return ip.isEmpty() ? Optional.empty() : Optional.of(InetAddress.getByName(ip));
    } catch (DriverException | UnknownHostException e) {
      return Optional.empty();
    }
  }
}
