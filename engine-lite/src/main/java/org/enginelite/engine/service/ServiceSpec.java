package org.enginelite.engine.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/**
 * What a replicated service should be: {@code replicas} tasks, each a container of {@code image} running
 * {@code command} with these environment variables, networks, mounts and limits. Everything except
 * {@code replicas}, {@code ports} and {@code labels} is the task template: changing it rolls the tasks.
 *
 * @param command the command; empty means the image's default
 * @param labels service labels (stacks put com.docker.stack.namespace here)
 * @param constraints placement constraints as given ("node.role == manager"); when one rules out this node
 *     the service is not {@link #schedulable()} and its tasks stay pending
 * @param forceUpdate a counter ({@code docker service update --force} raises it): part of the template, so a
 *     change rolls every task even when nothing else changed
 */
public record ServiceSpec(
    String name,
    String image,
    List<String> command,
    Map<String, String> env,
    int replicas,
    List<PublishedPort> ports,
    List<NetworkAttachment> networks,
    List<ServiceMount> mounts,
    RestartCondition restartCondition,
    ResourceLimits limits,
    Map<String, String> labels,
    List<String> constraints,
    long forceUpdate) {

  // Docker's service names: the same rule as container names, at most 63 characters (a DNS label).
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");

  public ServiceSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidParameterException("invalid service name \"" + name
          + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed, at most 63 characters");
    }
    if (image == null || image.isBlank()) {
      throw new InvalidParameterException("service \"" + name + "\" needs an image");
    }
    if (replicas < 0) {
      throw new InvalidParameterException("invalid replicas value for service \"" + name + "\": " + replicas);
    }
    command = List.copyOf(command == null ? List.of() : command);
    env = ordered(env);
    ports = List.copyOf(ports == null ? List.of() : ports);
    networks = List.copyOf(networks == null ? List.of() : networks);
    mounts = List.copyOf(mounts == null ? List.of() : mounts);
    restartCondition = restartCondition == null ? RestartCondition.ANY : restartCondition;
    limits = limits == null ? ResourceLimits.NONE : limits;
    labels = ordered(labels);
    constraints = List.copyOf(constraints == null ? List.of() : constraints);
    constraints.forEach(PlacementConstraints::holdsOnManager);
  }

  /** A spec that was never force-updated. */
  public ServiceSpec(String name, String image, List<String> command, Map<String, String> env, int replicas,
      List<PublishedPort> ports, List<NetworkAttachment> networks, List<ServiceMount> mounts,
      RestartCondition restartCondition, ResourceLimits limits, Map<String, String> labels, List<String> constraints) {
    this(name, image, command, env, replicas, ports, networks, mounts, restartCondition, limits, labels,
        constraints, 0);
  }

  /** A spec with Docker's defaults: 1 replica, restart any, no limits. */
  public static ServiceSpec of(String name, String image) {
    return new ServiceSpec(name, image, List.of(), Map.of(), 1, List.of(), List.of(), List.of(),
        RestartCondition.ANY, ResourceLimits.NONE, Map.of(), List.of());
  }

  public ServiceSpec withReplicas(int n) {
    return new ServiceSpec(name, image, command, env, n, ports, networks, mounts, restartCondition, limits,
        labels, constraints, forceUpdate);
  }

  public ServiceSpec withImage(String newImage) {
    return new ServiceSpec(name, newImage, command, env, replicas, ports, networks, mounts, restartCondition,
        limits, labels, constraints, forceUpdate);
  }

  public ServiceSpec withCommand(List<String> newCommand) {
    return new ServiceSpec(name, image, newCommand, env, replicas, ports, networks, mounts, restartCondition,
        limits, labels, constraints, forceUpdate);
  }

  public ServiceSpec withRestartCondition(RestartCondition c) {
    return new ServiceSpec(name, image, command, env, replicas, ports, networks, mounts, c, limits, labels,
        constraints, forceUpdate);
  }

  public ServiceSpec withLimits(ResourceLimits newLimits) {
    return new ServiceSpec(name, image, command, env, replicas, ports, networks, mounts, restartCondition,
        newLimits, labels, constraints, forceUpdate);
  }

  public ServiceSpec withPorts(List<PublishedPort> newPorts) {
    return new ServiceSpec(name, image, command, env, replicas, newPorts, networks, mounts, restartCondition,
        limits, labels, constraints, forceUpdate);
  }

  public ServiceSpec withForceUpdate(long counter) {
    return new ServiceSpec(name, image, command, env, replicas, ports, networks, mounts, restartCondition, limits,
        labels, constraints, counter);
  }

  /** Whether this node (a single manager) satisfies every constraint it can evaluate. */
  public boolean schedulable() {
    return constraints.stream().allMatch(c -> PlacementConstraints.holdsOnManager(c).orElse(true));
  }

  /**
   * True when tasks made from {@code other} are the same as tasks made from this. As in swarm, only the task
   * template counts: replicas (Mode), published ports (EndpointSpec) and service labels live outside it, so
   * changing them scales, re-routes or relabels without restarting a task.
   */
  public boolean sameTaskTemplate(ServiceSpec other) {
    return templateOnly().equals(other.templateOnly());
  }

  private ServiceSpec templateOnly() {
    return new ServiceSpec(name, image, command, env, 0, List.of(), networks, mounts, restartCondition, limits,
        Map.of(), constraints, forceUpdate);
  }

  private static Map<String, String> ordered(Map<String, String> m) {
    return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
