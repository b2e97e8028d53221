package org.enginelite.engine.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A network as the engine stores it. {@code driver} is {@code bridge}, {@code host} or {@code null} (Docker's
 * name for the driver of {@code none}).
 * {@code predefined} marks the three networks the daemon makes itself, which cannot be removed.
 */
public record NetworkRecord(
    String id,
    String name,
    String driver,
    String created,
    boolean internal,
    boolean attachable,
    boolean predefined,
    Map<String, String> labels,
    Map<String, String> options,
    List<SubnetConfig> subnets) {

  public static final String BRIDGE = "bridge";
  public static final String HOST = "host";
  public static final String NULL = "null";

  public NetworkRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(driver, "driver");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    options = options == null ? Map.of() : Map.copyOf(options);
    subnets = subnets == null ? List.of() : List.copyOf(subnets);
  }

  /** True for networks made by the bridge driver (the default {@code bridge} and user-defined ones). */
  public boolean isBridge() {
    return BRIDGE.equals(driver);
  }

  /** True for the default {@code bridge} network, which has no embedded DNS, as in Docker. */
  public boolean isDefaultBridge() {
    return predefined && isBridge();
  }

  /** The first subnet (the one the gateway and the container's prefix length come from), if any. */
  public SubnetConfig primarySubnet() {
    return subnets.isEmpty() ? null : subnets.get(0);
  }
}
