package org.enginelite.engine.network;

import java.util.Objects;

/**
 * A host port held for a container's published port, from container create until remove, so a port given to
 * one container is never given to another, also across a daemon crash. {@code hostIp} is {@code 0.0.0.0} for
 * "all addresses".
 */
public record PortReservation(String proto, String hostIp, int hostPort, int containerPort, String containerId) {
  public static final String ANY_IP = "0.0.0.0";

  public PortReservation {
    Objects.requireNonNull(proto, "proto");
    Objects.requireNonNull(hostIp, "hostIp");
    Objects.requireNonNull(containerId, "containerId");
  }

  /** The store key; reservations of one port and protocol share the prefix {@link #portPrefix}. */
  public String key() {
    return portPrefix(proto, hostPort) + hostIp;
  }

  static String portPrefix(String proto, int hostPort) {
    return proto + "/" + hostPort + "/";
  }

  /** True when this reservation and {@code other} cannot both hold their port (same port, overlapping IPs). */
  public boolean clashesWith(String otherProto, String otherIp, int otherPort) {
    return proto.equals(otherProto) && hostPort == otherPort
        && (hostIp.equals(otherIp) || hostIp.equals(ANY_IP) || otherIp.equals(ANY_IP));
  }

  /** The container side, as Docker names it in the Ports map: {@code 80/tcp}. */
  public String containerPortKey() {
    return containerPort + "/" + proto;
  }
}
