package org.enginelite.engine.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.service.PlacementConstraints;
import org.enginelite.engine.service.ResourceLimits;
import org.enginelite.engine.service.RestartCondition;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A service's {@code deploy:} section: mode, replicas, resources.limits (cpus, memory), restart_policy.condition,
 * placement.constraints and labels. Constraints are evaluated against this engine's single node, a swarm
 * manager: {@code node.role == manager} holds, {@code node.role == worker} does not.
 */
final class DeploySection {

  private static final Set<String> KEYS =
      Set.of("mode", "replicas", "resources", "restart_policy", "placement", "labels");
  private static final Set<String> IGNORED =
      Set.of("update_config", "rollback_config", "endpoint_mode");

  private final NodeReader reader;

  DeploySection(NodeReader reader) {
    this.reader = reader;
  }

  ComposeDeploy parse(Field deploy) {
    Map<String, Field> keys = reader.mapping(deploy.value(), deploy.path());
    reader.checkKeys(keys, KEYS, IGNORED);
    int replicas = keys.containsKey("replicas") ? replicas(keys.get("replicas")) : 1;
    if (keys.containsKey("mode")) {
      Field f = keys.get("mode");
      String mode = reader.requiredScalar(f.value(), f.path());
      if (mode.equals("global")) {
        // One node: a global service is one task, on it.
        reader.context().warn(f.line(), f.path() + " global runs one task on this single node");
        replicas = 1;
      } else if (!mode.equals("replicated")) {
        throw reader.context().error(f.value(), f.path() + " \"" + mode + "\" must be replicated or global");
      }
    }
    ResourceLimits limits = keys.containsKey("resources") ? limits(keys.get("resources")) : ResourceLimits.NONE;
    RestartCondition restart = keys.containsKey("restart_policy")
        ? restart(keys.get("restart_policy")) : RestartCondition.ANY;
    List<String> constraints = new ArrayList<>();
    boolean placeable = true;
    if (keys.containsKey("placement")) {
      Field p = keys.get("placement");
      Map<String, Field> placement = reader.mapping(p.value(), p.path());
      reader.checkKeys(placement, Set.of("constraints"), Set.of("preferences", "max_replicas_per_node"));
      Field c = placement.get("constraints");
      for (Node item : c == null ? List.<Node>of() : reader.sequence(c.value(), c.path())) {
        String constraint = reader.requiredScalar(item, c.path());
        constraints.add(constraint);
        placeable &= holds(constraint, item, c.path());
      }
    }
    Map<String, String> labels = keys.containsKey("labels")
        ? reader.stringMap(keys.get("labels").value(), keys.get("labels").path(), Map.of()) : Map.of();
    return new ComposeDeploy(replicas, limits, restart, constraints, placeable, labels);
  }

  private int replicas(Field f) {
    int n = reader.integer(f.value(), f.path());
    if (n < 0) {
      throw reader.context().error(f.value(), f.path() + " must not be negative");
    }
    return n;
  }

  private ResourceLimits limits(Field resources) {
    Map<String, Field> keys = reader.mapping(resources.value(), resources.path());
    reader.checkKeys(keys, Set.of("limits"), Set.of("reservations"));
    if (!keys.containsKey("limits")) {
      return ResourceLimits.NONE;
    }
    Field l = keys.get("limits");
    Map<String, Field> limits = reader.mapping(l.value(), l.path());
    reader.checkKeys(limits, Set.of("cpus", "memory"), Set.of("pids"));
    long cpus = 0;
    long memory = 0;
    if (limits.containsKey("cpus")) {
      Field f = limits.get("cpus");
      String text = reader.requiredScalar(f.value(), f.path());
      cpus = parsed(f, () -> ResourceLimits.parseNanoCpus(text, f.path()));
    }
    if (limits.containsKey("memory")) {
      Field f = limits.get("memory");
      String text = reader.requiredScalar(f.value(), f.path());
      memory = parsed(f, () -> ResourceLimits.parseMemoryBytes(text, f.path()));
    }
    try {
      return new ResourceLimits(cpus, memory);
    } catch (InvalidParameterException e) {
      throw reader.context().error(l.line(), l.path() + ": " + e.getMessage());
    }
  }

  /** Runs a CLI-style value parser, moving its message from flag wording to the file's line. */
  private long parsed(Field f, LongSupplier parse) {
    try {
      return parse.getAsLong();
    } catch (InvalidParameterException e) {
      throw reader.context().error(f.value(), e.getMessage().replace(" flag:", ":"));
    }
  }

  private RestartCondition restart(Field policy) {
    Map<String, Field> keys = reader.mapping(policy.value(), policy.path());
    reader.checkKeys(keys, Set.of("condition"), Set.of("delay", "max_attempts", "window"));
    Field c = keys.get("condition");
    if (c == null) {
      return RestartCondition.ANY;
    }
    try {
      return RestartCondition.parse(reader.requiredScalar(c.value(), c.path()));
    } catch (InvalidParameterException e) {
      throw reader.context().error(c.value(), c.path() + ": " + e.getMessage());
    }
  }

  /** Whether a constraint holds on a single manager node; unknown attributes are reported and ignored. */
  private boolean holds(String constraint, Node item, String path) {
    Optional<Boolean> holds;
    try {
      holds = PlacementConstraints.holdsOnManager(constraint);
    } catch (InvalidParameterException e) {
      throw reader.context().error(item, e.getMessage());
    }
    if (holds.isEmpty()) {
      reader.context().warn(ParseContext.line(item), path + " \"" + constraint
          + "\" cannot be evaluated on this single node and is ignored");
    }
    return holds.orElse(true);
  }
}
