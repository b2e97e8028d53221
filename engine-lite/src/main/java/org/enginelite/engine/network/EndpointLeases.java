package org.enginelite.engine.network;

import java.util.List;
import java.util.Optional;
import org.enginelite.driver.ForbiddenException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.UnavailableException;
import org.enginelite.driver.ipam.IpamDriver;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.network.MacAddress;

/**
 * Takes and returns a container's place on a network: the IPAM lease and the endpoint record, always together
 * and inside the caller's store transaction, so neither can exist without the other after a crash.
 */
final class EndpointLeases {
  private final NetworkStore store;
  private final IpamDriver ipam;

  EndpointLeases(NetworkStore store, IpamDriver ipam) {
    this.store = store;
    this.ipam = ipam;
  }

  /** Checks what can be checked before anything is allocated, with Docker's messages. */
  static void check(NetworkRecord n, EndpointRequest req) {
    if (!n.isBridge()) {
      throw new ForbiddenException("container cannot be disconnected from host network or connected to "
          + n.name() + " network");
    }
    if (n.isDefaultBridge() && !req.aliases().isEmpty()) {
      throw new InvalidParameterException(
          "network-scoped alias is supported only for containers in user defined networks");
    }
    if (n.isDefaultBridge() && req.ipv4Address().isPresent()) {
      throw new InvalidParameterException("user specified IP address is supported on user defined networks only");
    }
  }

  EndpointRecord allocate(ContainerHandle c, NetworkRecord n, EndpointRequest req, String interfaceName) {
    check(n, req);
    SubnetConfig s = n.primarySubnet();
    Optional<Ipv4Address> wanted = req.ipv4Address().map(Ipv4Address::parse);
    Ipv4Address ip;
    try {
      ip = ipam.requestAddress(s.poolId(), wanted);
    } catch (UnavailableException e) {
      throw new UnavailableException("no available IPv4 addresses on this network's address pools: " + n.name()
          + " (" + n.id() + ")", e);
    }
    EndpointRecord e = new EndpointRecord(Ids.random(), n.id(), c.id(), c.name(), interfaceName,
        ip + "/" + s.prefixLength(), MacAddress.fromIpv4(ip.toInetAddress()).toString(), wanted.isPresent(),
        req.aliases());
    store.putEndpoint(e);
    return e;
  }

  void release(EndpointRecord e) {
    store.network(e.networkId()).ifPresent(n -> {
      if (!e.ip().isEmpty() && n.primarySubnet() != null) {
        ipam.releaseAddress(n.primarySubnet().poolId(), Ipv4Address.parse(e.ip()));
      }
    });
    store.deleteEndpoint(e);
  }

  /** The lowest {@code ethN} not used by the container's other endpoints. */
  static String nextInterfaceName(List<EndpointRecord> existing) {
    for (int i = 0; ; i++) {
      String name = "eth" + i;
      if (existing.stream().noneMatch(e -> name.equals(e.interfaceName()))) {
        return name;
      }
    }
  }
}
