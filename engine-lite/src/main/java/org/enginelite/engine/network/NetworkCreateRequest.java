package org.enginelite.engine.network;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/** What POST /networks/create asks for, checked for what can be checked without the drivers. */
public record NetworkCreateRequest(
    String name,
    String driver,
    boolean internal,
    boolean attachable,
    Map<String, String> labels,
    Map<String, String> options,
    List<SubnetRequest> subnets) {

  /** The driver of swarm-scope networks in Docker (stacks, services). */
  public static final String OVERLAY = "overlay";

  /** Docker's restriction on object names (names double as DNS names and kernel-free identifiers). */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  public NetworkCreateRequest {
    if (name == null || name.isBlank()) {
      throw new InvalidParameterException("network name must not be empty");
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidParameterException("invalid network name \"" + name
          + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    driver = driver == null || driver.isBlank() ? NetworkRecord.BRIDGE : driver;
    // docker stack deploy asks for swarm-scope "overlay" networks. This engine's swarm has one node, where an
    // overlay joins exactly the containers a bridge joins, so it is made as a bridge.
    if (driver.equals(OVERLAY)) {
      driver = NetworkRecord.BRIDGE;
    }
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    options = options == null ? Map.of() : Map.copyOf(options);
    subnets = subnets == null ? List.of() : List.copyOf(subnets);
  }
}
