package org.enginelite.engine.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/**
 * Swarm placement constraints ({@code node.role == manager}) evaluated on this engine's one node, which is a
 * manager (swarm init makes the first node one).
 */
public final class PlacementConstraints {

  private static final Pattern CONSTRAINT = Pattern.compile("^\\s*([\\w.\\-]+)\\s*(==|!=)\\s*(\\S.*?)\\s*$");

  private PlacementConstraints() {}

  /**
   * Whether {@code constraint} holds here; empty when it names an attribute this engine cannot evaluate
   * (node.hostname, node.labels ...), which callers report and ignore.
   */
  public static Optional<Boolean> holdsOnManager(String constraint) {
    Matcher m = CONSTRAINT.matcher(constraint);
    if (!m.matches()) {
      throw new InvalidParameterException("invalid constraint \"" + constraint
          + "\": expected ATTRIBUTE==VALUE or ATTRIBUTE!=VALUE");
    }
    if (!m.group(1).equals("node.role")) {
      return Optional.empty();
    }
    String role = m.group(3);
    if (!role.equals("manager") && !role.equals("worker")) {
      throw new InvalidParameterException("invalid constraint \"" + constraint
          + "\": node.role is manager or worker");
    }
    return Optional.of(role.equals("manager") == m.group(2).equals("=="));
  }
}
