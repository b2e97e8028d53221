package org.enginelite.engine.service.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.service.NetworkAttachment;
import org.enginelite.engine.service.PlacementConstraints;
import org.enginelite.engine.service.PublishedPort;
import org.enginelite.engine.service.ResourceLimits;
import org.enginelite.engine.service.RestartCondition;
import org.enginelite.engine.service.ServiceMount;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.Task;
import org.enginelite.engine.service.TaskState;
import org.enginelite.engine.service.api.ServiceSpecJson.ContainerSpec;
import org.enginelite.engine.service.api.ServiceSpecJson.TaskTemplate;

/** The one place swarm API JSON and the service domain records meet. */
public final class ServiceApiMapper {

  private ServiceApiMapper() {}

  /**
   * Reads a spec sent by POST /services/create or /services/{id}/update. ContainerSpec.Command (the
   * entrypoint, from --entrypoint or compose's entrypoint) and Args (the image arguments) are joined into the
   * task's command: right for images without an ENTRYPOINT, such as the engine's own app image.
   */
  public static MappedServiceSpec toSpec(ServiceSpecJson json) {
    List<String> warnings = new ArrayList<>();
    TaskTemplate tt = json.taskTemplate();
    ContainerSpec cs = tt == null ? null : tt.containerSpec();
    if (cs == null || cs.image() == null || cs.image().isBlank()) {
      throw new InvalidParameterException("ContainerSpec: image reference must be provided");
    }
    List<String> command = new ArrayList<>(orEmpty(cs.command()));
    command.addAll(orEmpty(cs.args()));
    List<String> constraints = tt.placement() == null ? List.of() : orEmpty(tt.placement().constraints());
    for (String c : constraints) {
      if (PlacementConstraints.holdsOnManager(c).isEmpty()) {
        warnings.add("placement constraint \"" + c + "\" cannot be evaluated on this single node and is ignored");
      }
    }
    ServiceSpec spec = new ServiceSpec(json.name(), cs.image(), command, env(cs.env()), replicas(json.mode(), warnings),
        ports(json.endpointSpec(), warnings), networks(tt.networks()), mounts(cs.mounts()), restart(tt),
        limits(tt), json.labels(), constraints, tt.forceUpdate() == null ? 0 : tt.forceUpdate());
    return new MappedServiceSpec(spec, warnings);
  }

  /** The spec as GET /services shows it. */
  public static ServiceSpecJson toJson(ServiceSpec s) {
    List<ServiceSpecJson.Mount> mounts = s.mounts().stream().map(m -> new ServiceSpecJson.Mount(
        m.type().name().toLowerCase(Locale.ROOT), m.source(), m.target(), m.readOnly() ? true : null)).toList();
    ContainerSpec cs = new ContainerSpec(s.image(), null, null, s.command().isEmpty() ? null : s.command(),
        s.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), mounts);
    ResourceLimits l = s.limits();
    ServiceSpecJson.Resources resources = new ServiceSpecJson.Resources(new ServiceSpecJson.Limits(
        l.nanoCpus() == 0 ? null : l.nanoCpus(), l.memoryBytes() == 0 ? null : l.memoryBytes()));
    List<ServiceSpecJson.NetworkAttachmentConfig> networks = s.networks().stream()
        .map(n -> new ServiceSpecJson.NetworkAttachmentConfig(n.network(), n.aliases().isEmpty() ? null
            : n.aliases())).toList();
    TaskTemplate tt = new TaskTemplate(cs, resources,
        new ServiceSpecJson.RestartPolicy(s.restartCondition().dockerName()),
        s.constraints().isEmpty() ? null : new ServiceSpecJson.Placement(s.constraints()), networks, s.forceUpdate());
    List<ServiceSpecJson.PortConfig> ports = s.ports().stream().map(ServiceApiMapper::toJson).toList();
    return new ServiceSpecJson(s.name(), s.labels(), tt,
        new ServiceSpecJson.Mode(new ServiceSpecJson.Replicated((long) s.replicas()), null, null, null),
        new ServiceSpecJson.EndpointSpec("vip", ports));
  }

  /** A service for GET /services, with the replica counts docker service ls prints. */
  public static ServiceJson toJson(String id, long version, Instant created, Instant updated, ServiceSpec s,
      List<Task> tasks) {
    ServiceSpecJson spec = toJson(s);
    long running = tasks.stream().filter(t -> t.wantedRunning() && t.currentState() == TaskState.RUNNING).count();
    long completed = tasks.stream().filter(t -> t.currentState() == TaskState.COMPLETE).count();
    return new ServiceJson(id, new ServiceJson.Version(version), created.toString(), updated.toString(), spec,
        new ServiceJson.Endpoint(spec.endpointSpec(), spec.endpointSpec().ports()),
        new ServiceJson.ServiceStatus(running, s.replicas(), completed));
  }

  /** A task for GET /tasks: what docker service ps prints (state, its time, error, node). */
  public static TaskJson toJson(Task t, String serviceId, String nodeId, long version) {
    TaskJson.ContainerStatus container = t.containerId() == null ? null
        : new TaskJson.ContainerStatus(t.containerId(), null, t.currentState().terminal() ? t.exitCode() : null);
    TaskJson.Status status = new TaskJson.Status(t.since().toString(), stateName(t.currentState()),
        message(t.currentState()), t.error(), container);
    return new TaskJson(t.id(), new ServiceJson.Version(version), t.createdAt().toString(), t.since().toString(),
        Map.of(), toJson(t.spec()).taskTemplate(), serviceId, t.slot(), nodeId, status,
        stateName(t.desiredState()));
  }

  /** Swarm's lower-case state names: running, shutdown, failed ... */
  public static String stateName(TaskState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static String message(TaskState state) {
    return switch (state) {
      case NEW -> "created";
      case PENDING -> "pending task scheduling";
      case STARTING -> "starting";
      case RUNNING -> "started";
      case COMPLETE, FAILED -> "finished";
      case SHUTDOWN -> "shutdown";
    };
  }

  private static ServiceSpecJson.PortConfig toJson(PublishedPort p) {
    return new ServiceSpecJson.PortConfig(null, p.protocol().dockerName(), p.target(),
        p.published() == 0 ? null : p.published(), p.mode().dockerName());
  }

  private static int replicas(ServiceSpecJson.Mode mode, List<String> warnings) {
    if (mode == null || (mode.replicated() == null && mode.global() == null
        && mode.replicatedJob() == null && mode.globalJob() == null)) {
      return 1;
    }
    if (mode.replicatedJob() != null || mode.globalJob() != null) {
      throw new InvalidParameterException("job services are not supported");
    }
    if (mode.global() != null) {
      warnings.add("global mode runs one task on this single node");
      return 1;
    }
    Long n = mode.replicated().replicas();
    if (n != null && (n < 0 || n > Integer.MAX_VALUE)) {
      throw new InvalidParameterException("invalid replicas value: " + n);
    }
    return n == null ? 1 : n.intValue();
  }

  private static Map<String, String> env(List<String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String e : orEmpty(env)) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        out.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    return out;
  }

  private static List<PublishedPort> ports(ServiceSpecJson.EndpointSpec endpoint, List<String> warnings) {
    if (endpoint == null) {
      return List.of();
    }
    if ("dnsrr".equals(endpoint.mode())) {
      warnings.add("endpoint mode dnsrr is not supported; the service gets a virtual IP");
    }
    List<PublishedPort> out = new ArrayList<>();
    for (ServiceSpecJson.PortConfig p : orEmpty(endpoint.ports())) {
      if (p.targetPort() == null) {
        throw new InvalidParameterException("EndpointSpec: port needs a TargetPort");
      }
      out.add(new PublishedPort(p.publishedPort() == null ? 0 : p.publishedPort(), p.targetPort(),
          p.protocol() == null ? PublishedPort.Protocol.TCP : PublishedPort.Protocol.parse(p.protocol()),
          p.publishMode() == null ? PublishedPort.Mode.INGRESS : PublishedPort.Mode.parse(p.publishMode())));
    }
    return out;
  }

  private static List<NetworkAttachment> networks(List<ServiceSpecJson.NetworkAttachmentConfig> networks) {
    return orEmpty(networks).stream().map(n -> new NetworkAttachment(n.target(), n.aliases())).toList();
  }

  private static List<ServiceMount> mounts(List<ServiceSpecJson.Mount> mounts) {
    List<ServiceMount> out = new ArrayList<>();
    for (ServiceSpecJson.Mount m : orEmpty(mounts)) {
      ServiceMount.Type type;
      try {
        type = ServiceMount.Type.valueOf(String.valueOf(m.type()).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("mount type \"" + m.type() + "\" is not supported");
      }
      out.add(new ServiceMount(type, m.source(), m.target(), Boolean.TRUE.equals(m.readOnly())));
    }
    return out;
  }

  private static RestartCondition restart(TaskTemplate tt) {
    String c = tt.restartPolicy() == null ? null : tt.restartPolicy().condition();
    return c == null || c.isEmpty() ? RestartCondition.ANY : RestartCondition.parse(c);
  }

  private static ResourceLimits limits(TaskTemplate tt) {
    if (tt.resources() == null || tt.resources().limits() == null) {
      return ResourceLimits.NONE;
    }
    ServiceSpecJson.Limits l = tt.resources().limits();
    return new ResourceLimits(l.nanoCpus() == null ? 0 : l.nanoCpus(), l.memoryBytes() == null ? 0
        : l.memoryBytes());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
