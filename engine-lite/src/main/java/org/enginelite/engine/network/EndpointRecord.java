package org.enginelite.engine.network;

import java.util.List;
import java.util.Objects;

/**
 * A container's attachment to one network: its address (with prefix length, {@code 172.18.0.2/16}), MAC address,
 * aliases and interface name inside the container ({@code eth0}, {@code eth1}, ...). It lives from container
 * create (or network connect) to container remove (or disconnect), so the address lease it stands for is kept
 * while the container is stopped, and it is written in the same transaction as the lease.
 */
public record EndpointRecord(
    String id,
    String networkId,
    String containerId,
    String containerName,
    String interfaceName,
    String ipv4Address,
    String macAddress,
    boolean staticAddress,
    List<String> aliases) {

  public EndpointRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(networkId, "networkId");
    Objects.requireNonNull(containerId, "containerId");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The address without its prefix length, or an empty string for networks without addresses. */
  public String ip() {
    if (ipv4Address == null || ipv4Address.isEmpty()) {
      return "";
    }
    int slash = ipv4Address.indexOf('/');
    return slash < 0 ? ipv4Address : ipv4Address.substring(0, slash);
  }

  /** The prefix length of the address, 0 when there is none. */
  public int prefixLength() {
    int slash = ipv4Address == null ? -1 : ipv4Address.indexOf('/');
    return slash < 0 ? 0 : Integer.parseInt(ipv4Address.substring(slash + 1));
  }

  /** The index N of {@code ethN}, used to order a container's interfaces. */
  public int interfaceIndex() {
    return interfaceName == null ? Integer.MAX_VALUE : Integer.parseInt(interfaceName.substring(3));
  }
}
