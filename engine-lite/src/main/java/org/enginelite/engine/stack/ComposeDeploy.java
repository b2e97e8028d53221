package org.enginelite.engine.stack;

import java.util.List;
import java.util.Map;
import org.enginelite.engine.service.ResourceLimits;
import org.enginelite.engine.service.RestartCondition;

/**
 * A service's {@code deploy:} section.
 *
 * @param constraints the placement constraints as written
 * @param placeable false when a constraint rules out this single manager node (tasks then stay pending)
 * @param labels service labels ({@code deploy.labels})
 */
public record ComposeDeploy(
    int replicas,
    ResourceLimits limits,
    RestartCondition restartCondition,
    List<String> constraints,
    boolean placeable,
    Map<String, String> labels) {

  public static final ComposeDeploy DEFAULT =
      new ComposeDeploy(1, ResourceLimits.NONE, RestartCondition.ANY, List.of(), true, Map.of());

  public ComposeDeploy {
    constraints = List.copyOf(constraints);
    labels = StackMaps.ordered(labels);
  }
}
