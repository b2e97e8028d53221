package org.enginelite.engine.network;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.network.Cidr;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.ExternalConnectivity;
import org.enginelite.driver.network.IpAddresses;
import org.enginelite.driver.network.NetworkDriver;
import org.enginelite.driver.network.PortBinding;

/**
 * Published ports of a container: checked at create (held by another container, or taken by another program),
 * published by the driver at start on the container's gateway endpoint, recorded as {@link PortReservation}s
 * while the container runs, and released at stop.
 */
final class PortPublisher {
  private final NetworkStore store;
  private final NetworkDriver driver;

  PortPublisher(NetworkStore store, NetworkDriver driver) {
    this.store = store;
    this.driver = driver;
  }

  /** Refuses at create what start would refuse, so {@code run} leaves no half-created container behind. */
  void checkAvailable(ContainerHandle c) {
    for (PortRequest p : c.config().ports()) {
      if (!p.randomHostPort() && choosePort(p, c.id()) == 0) {
        String port = p.hostPortLow() == p.hostPortHigh() ? "" + p.hostPortLow()
            : p.hostPortLow() + "-" + p.hostPortHigh();
        throw new ConflictException("Bind for " + p.hostIp() + ":" + port + " failed: port is already allocated");
      }
    }
  }

  /** The first port of the request's range held by no other container and free on the host; 0 when none. */
  private int choosePort(PortRequest p, String containerId) {
    for (int port = p.hostPortLow(); port <= p.hostPortHigh(); port++) {
      if (heldByOther(p.protocol().toString(), p.hostIp(), port, containerId) == null
          && bindable(p.protocol(), p.hostIp(), port)) {
        return port;
      }
    }
    return 0;
  }

  private PortReservation heldByOther(String proto, String ip, int port, String containerId) {
    return store.reservationsOfPort(proto, port).stream()
        .filter(r -> !r.containerId().equals(containerId) && r.clashesWith(proto, ip, port))
        .findFirst().orElse(null);
  }

  /** True when no program on the host listens on the port (the daemon's own network namespace is the host). */
  static boolean bindable(PortBinding.Protocol proto, String ip, int port) {
    InetSocketAddress address = new InetSocketAddress(IpAddresses.parse(ip), port);
    try {
      if (proto == PortBinding.Protocol.UDP) {
        try (DatagramSocket s = new DatagramSocket(null)) {
          s.bind(address);
        }
      } else {
        try (ServerSocket s = new ServerSocket()) {
          s.setReuseAddress(true);
          s.bind(address);
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Publishes the container's ports on {@code gateway} and records them; all or nothing. */
  List<PortReservation> publish(ContainerHandle c, EndpointRecord gateway) {
    if (c.config().ports().isEmpty() || !(driver instanceof ExternalConnectivity ext)) {
      return List.of();
    }
    List<PortBinding> wanted = new ArrayList<>();
    for (PortRequest p : c.config().ports()) {
      int port = p.randomHostPort() ? 0 : choosePort(p, c.id());
      if (!p.randomHostPort() && port == 0) {
        throw alreadyAllocated(c, gateway, p.hostIp(), p.hostPortLow());
      }
      wanted.add(new PortBinding(p.protocol(), IpAddresses.parse(p.hostIp()), port, p.containerPort()));
    }
    return program(c, gateway, ext, wanted);
  }

  /** After a daemon restart: holds again the ports recorded for a container that kept running. */
  List<PortReservation> republish(ContainerHandle c, EndpointRecord gateway) {
    List<PortReservation> held = store.reservationsOfContainer(c.id());
    if (held.isEmpty() || !(driver instanceof ExternalConnectivity ext)) {
      return held;
    }
    List<PortBinding> wanted = held.stream().map(r -> new PortBinding(PortBinding.Protocol.parse(r.proto()),
        IpAddresses.parse(r.hostIp()), r.hostPort(), r.containerPort())).toList();
    return program(c, gateway, ext, wanted);
  }

  private List<PortReservation> program(ContainerHandle c, EndpointRecord gateway, ExternalConnectivity ext,
      List<PortBinding> wanted) {
    List<PortBinding> actual;
    try {
      actual = ext.programExternalConnectivity(spec(gateway), wanted);
    } catch (ConflictException e) {
      throw new ConflictException("driver failed programming external connectivity on endpoint " + c.name()
          + " (" + gateway.id() + "): " + e.getMessage(), e);
    }
    try {
      return store.state().transact(() -> {
        store.reservationsOfContainer(c.id()).forEach(store::deleteReservation);
        List<PortReservation> out = new ArrayList<>();
        for (PortBinding b : actual) {
          String ip = b.hostIp().getHostAddress();
          if (heldByOther(b.protocol().toString(), ip, b.hostPort(), c.id()) != null) {
            throw alreadyAllocated(c, gateway, ip, b.hostPort());
          }
          PortReservation r = new PortReservation(b.protocol().toString(), ip, b.hostPort(), b.containerPort(),
              c.id());
          store.putReservation(r);
          out.add(r);
        }
        return out;
      });
    } catch (RuntimeException e) {
      ext.revokeExternalConnectivity(gateway.networkId(), gateway.id());
      throw e;
    }
  }

  /** Unpublishes and forgets the container's ports; safe to repeat. */
  void unpublish(String containerId, EndpointRecord gateway) {
    if (gateway != null && driver instanceof ExternalConnectivity ext) {
      ext.revokeExternalConnectivity(gateway.networkId(), gateway.id());
    }
    store.state().transact(() -> store.reservationsOfContainer(containerId).forEach(store::deleteReservation));
  }

  private static ConflictException alreadyAllocated(ContainerHandle c, EndpointRecord gateway, String ip, int port) {
    return new ConflictException("driver failed programming external connectivity on endpoint " + c.name() + " ("
        + gateway.id() + "): Bind for " + ip + ":" + port + " failed: port is already allocated");
  }

  static EndpointSpec spec(EndpointRecord e) {
    return EndpointSpec.of(e.id(), e.networkId(), Cidr.parse(e.ipv4Address()));
  }
}
