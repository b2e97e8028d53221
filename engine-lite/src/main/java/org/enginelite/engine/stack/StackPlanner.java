package org.enginelite.engine.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.service.NetworkAttachment;
import org.enginelite.engine.service.ServiceMount;
import org.enginelite.engine.service.ServiceSpec;

/**
 * Turns a compose file into a stack's objects with Docker's naming and labels, and diffs them against what
 * exists. As docker stack deploy (cli/compose/convert): every object is named {@code <stack>_<name>} and labelled
 * {@code com.docker.stack.namespace=<stack>}; services without networks join {@code <stack>_default}; each
 * service answers to its short name on its networks; objects with an explicit {@code name:} or {@code external}
 * keep their name. Deploying again creates what is missing and updates services whose spec changed; services
 * dropped from the file are removed only with prune; networks and volumes are never updated in place.
 */
public final class StackPlanner {

  /** The label that ties an object to its stack (Docker's convert.LabelNamespace). */
  public static final String NAMESPACE_LABEL = "com.docker.stack.namespace";
  /** The label docker stack puts on services with the image as written in the file. */
  public static final String IMAGE_LABEL = "com.docker.stack.image";
  /** docker stack's default network driver (swarm networks are overlay). */
  public static final String DOCKER_DEFAULT_DRIVER = "overlay";

  private static final Pattern STACK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  private final String defaultNetworkDriver;

  /** @param defaultNetworkDriver driver of networks that name none (Docker uses overlay) */
  public StackPlanner(String defaultNetworkDriver) {
    this.defaultNetworkDriver = defaultNetworkDriver;
  }

  /** The objects {@code stack deploy -c FILE stack} wants. */
  public StackResources plan(String stack, ComposeFile file) {
    validateName(stack);
    Map<String, String> networkNames = new LinkedHashMap<>();
    List<StackNetwork> networks = new ArrayList<>();
    boolean needsDefault = file.services().values().stream().anyMatch(s -> s.networks().isEmpty()
        || s.networks().stream().anyMatch(n -> n.name().equals("default")));
    Map<String, ComposeNetwork> declared = new LinkedHashMap<>(file.networks());
    if (needsDefault) {
      declared.putIfAbsent("default", ComposeNetwork.defaults("default"));
    }
    for (ComposeNetwork n : declared.values()) {
      StackNetwork sn = network(stack, n);
      networkNames.put(n.key(), sn.name());
      networks.add(sn);
    }
    Map<String, String> volumeNames = new LinkedHashMap<>();
    List<StackVolume> volumes = new ArrayList<>();
    for (ComposeVolume v : file.volumes().values()) {
      StackVolume sv = volume(stack, v);
      volumeNames.put(v.key(), sv.name());
      volumes.add(sv);
    }
    List<ServiceSpec> services = file.services().values().stream()
        .map(s -> service(stack, s, networkNames, volumeNames)).toList();
    return new StackResources(networks, volumes, services);
  }

  /**
   * What to do to go from {@code current} (the stack's objects that exist now, found by namespace label, plus
   * any external networks the file uses) to {@code desired}.
   *
   * @param prune remove services of the stack that the file no longer has (docker stack deploy --prune)
   */
  public StackDiff diff(StackResources desired, StackResources current, boolean prune) {
    Set<String> haveNetworks = current.networks().stream().map(StackNetwork::name).collect(Collectors.toSet());
    List<StackNetwork> createNetworks = new ArrayList<>();
    for (StackNetwork n : desired.networks()) {
      if (haveNetworks.contains(n.name())) {
        continue;
      }
      if (n.external()) {
        throw new NotFoundException("network \"" + n.name() + "\" is declared as external, but could not be found."
            + " You need to create a swarm-scoped network before the stack is deployed");
      }
      createNetworks.add(n);
    }
    Set<String> haveVolumes = current.volumes().stream().map(StackVolume::name).collect(Collectors.toSet());
    List<StackVolume> createVolumes = desired.volumes().stream()
        .filter(v -> !v.external() && !haveVolumes.contains(v.name())).toList();
    Map<String, ServiceSpec> have = new LinkedHashMap<>();
    current.services().forEach(s -> have.put(s.name(), s));
    List<ServiceSpec> create = new ArrayList<>();
    List<ServiceSpec> update = new ArrayList<>();
    for (ServiceSpec s : desired.services()) {
      ServiceSpec existing = have.remove(s.name());
      if (existing == null) {
        create.add(s);
      } else if (!existing.equals(s)) {
        update.add(s);
      }
    }
    List<String> remove = prune ? List.copyOf(have.keySet()) : List.of();
    return new StackDiff(createNetworks, createVolumes, create, update, remove, List.of());
  }

  /**
   * What {@code stack rm} removes: every service and non-external network of the stack. Volumes stay, as with
   * Docker, so data (the get-started visit counter) survives a new deploy.
   */
  public StackDiff removal(StackResources current) {
    List<String> services = current.services().stream().map(ServiceSpec::name).toList();
    List<String> networks = current.networks().stream().filter(n -> !n.external())
        .map(StackNetwork::name).toList();
    return new StackDiff(List.of(), List.of(), List.of(), List.of(), services, networks);
  }

  private StackNetwork network(String stack, ComposeNetwork n) {
    String name = n.name() != null ? n.name() : n.external() ? n.key() : stack + "_" + n.key();
    String driver = n.driver() != null ? n.driver() : defaultNetworkDriver;
    return new StackNetwork(name, driver, n.driverOpts(), withNamespace(n.labels(), stack), n.attachable(),
        n.internal(), n.subnets(), n.external());
  }

  private static StackVolume volume(String stack, ComposeVolume v) {
    String name = v.name() != null ? v.name() : v.external() ? v.key() : stack + "_" + v.key();
    return new StackVolume(name, v.driver() != null ? v.driver() : "local", v.driverOpts(),
        withNamespace(v.labels(), stack), v.external());
  }

  private static ServiceSpec service(String stack, ComposeService s, Map<String, String> networkNames,
      Map<String, String> volumeNames) {
    List<NetworkAttachment> networks = new ArrayList<>();
    if (s.networks().isEmpty()) {
      networks.add(new NetworkAttachment(networkNames.get("default"), List.of(s.name())));
    }
    for (ServiceNetwork n : s.networks()) {
      List<String> aliases = new ArrayList<>(List.of(s.name()));
      n.aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
      networks.add(new NetworkAttachment(networkNames.get(n.name()), aliases));
    }
    List<ServiceMount> mounts = s.volumes().stream()
        .map(m -> m.type() == ServiceMount.Type.VOLUME && m.source() != null
            ? new ServiceMount(m.type(), volumeNames.get(m.source()), m.target(), m.readOnly()) : m)
        .toList();
    Map<String, String> labels = withNamespace(s.deploy().labels(), stack);
    labels.put(IMAGE_LABEL, s.image());
    return new ServiceSpec(stack + "_" + s.name(), s.image(), s.command(), s.environment(), s.deploy().replicas(),
        s.ports(), networks, mounts, s.deploy().restartCondition(), s.deploy().limits(), labels,
        s.deploy().constraints());
  }

  private static Map<String, String> withNamespace(Map<String, String> labels, String stack) {
    Map<String, String> out = new LinkedHashMap<>(labels);
    out.put(NAMESPACE_LABEL, stack);
    return out;
  }

  private static void validateName(String stack) {
    if (stack == null || !STACK_NAME.matcher(stack).matches()) {
      throw new InvalidParameterException("invalid stack name \"" + stack
          + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
  }
}
