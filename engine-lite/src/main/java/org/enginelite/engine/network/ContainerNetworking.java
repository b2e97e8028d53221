package org.enginelite.engine.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.enginelite.driver.ForbiddenException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.ipam.IpamDriver;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.IfName;
import org.enginelite.driver.network.JoinSpec;
import org.enginelite.driver.network.NetworkDriver;

/**
 * A container's networks through its life. Endpoints and leases are taken at create (in the container's
 * transaction) and kept until remove; interfaces exist while the container runs: plugged at start, unplugged
 * when it stops; published ports are held while it runs. Connect and disconnect do the same on a live
 * container, inside one store transaction with the kernel work, so a failure leaves neither record nor link.
 */
public final class ContainerNetworking {
  private final NetworkService networks;
  private final NetworkStore store;
  private final NetworkDriver driver;
  private final EndpointLeases leases;
  private final PortPublisher ports;
  private final List<EndpointListener> listeners = new CopyOnWriteArrayList<>();
  private final KernelAlongsideStore kernelWork = new KernelAlongsideStore();

  public ContainerNetworking(NetworkService networks, IpamDriver ipam, NetworkDriver driver) {
    this.networks = networks;
    this.store = networks.store();
    this.driver = driver;
    this.leases = new EndpointLeases(store, ipam);
    this.ports = new PortPublisher(store, driver);
  }

  /** Registers a listener told when running containers' endpoints come and go (the embedded DNS). */
  public void addListener(EndpointListener listener) {
    listeners.add(listener);
  }

  private void attached(ContainerHandle c, EndpointRecord e) {
    store.state().afterCommit(() -> listeners.forEach(l -> l.attached(e, c.netns())));
  }

  private void detached(EndpointRecord e) {
    store.state().afterCommit(() -> listeners.forEach(l -> l.detached(e)));
  }

  private void containerStopped(String containerId) {
    store.state().afterCommit(() -> listeners.forEach(l -> l.containerStopped(containerId)));
  }

  /** At create, before anything is written: unknown networks, bad combinations, ports in use. */
  public void validate(ContainerHandle c) {
    Set<String> seen = new HashSet<>();
    for (EndpointRequest r : c.config().endpoints()) {
      NetworkRecord n = networks.find(r.networkRef());
      if (!seen.add(n.id())) {
        throw new InvalidParameterException("container cannot join network " + n.name() + " twice");
      }
      EndpointLeases.check(n, r);
    }
    ports.checkAvailable(c);
  }

  /** Inside the container's create transaction: an endpoint and a lease per network, eth0 first. */
  public void create(ContainerHandle c) {
    int index = 0;
    for (EndpointRequest r : c.config().endpoints()) {
      leases.allocate(c, networks.find(r.networkRef()), r, "eth" + index++);
    }
  }

  /** Before the process starts: one interface per network, the default route, the published ports. */
  public void start(ContainerHandle c) {
    List<EndpointRecord> endpoints = store.endpointsOfContainer(c.id());
    EndpointRecord gateway = gatewayEndpoint(endpoints);
    List<EndpointRecord> plugged = new ArrayList<>();
    try {
      for (EndpointRecord e : endpoints) {
        plug(c, e, e == gateway);
        plugged.add(e);
      }
      if (gateway != null) {
        ports.publish(c, gateway);
      }
      endpoints.forEach(e -> attached(c, e));
    } catch (RuntimeException failure) {
      plugged.forEach(e -> unplugQuietly(e, failure));
      throw failure;
    }
  }

  /** After the process ended: ports released, interfaces gone; endpoints and leases stay for the next start. */
  public void stopped(String containerId) {
    List<EndpointRecord> endpoints = store.endpointsOfContainer(containerId);
    endpoints.forEach(this::detached);
    containerStopped(containerId);
    RuntimeException first = null;
    try {
      ports.unpublish(containerId, gatewayEndpoint(endpoints));
    } catch (RuntimeException e) {
      first = e;
    }
    for (EndpointRecord e : endpoints) {
      try {
        unplug(e);
      } catch (RuntimeException ex) {
        first = first == null ? ex : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** At remove: endpoints, leases and reservations go, with whatever the driver still holds of them. */
  public void remove(String containerId) {
    store.state().transact(() -> {
      for (EndpointRecord e : store.endpointsOfContainer(containerId)) {
        driver.deleteEndpoint(e.networkId(), e.id());
        leases.release(e);
        detached(e);
      }
      containerStopped(containerId);
      store.reservationsOfContainer(containerId).forEach(store::deleteReservation);
    });
  }

  /** After a daemon restart, for a container still running: the driver learns its endpoints and ports again. */
  public void reattach(ContainerHandle c) {
    List<EndpointRecord> endpoints = store.endpointsOfContainer(c.id());
    for (EndpointRecord e : endpoints) {
      driver.createEndpoint(PortPublisher.spec(e));
    }
    EndpointRecord gateway = gatewayEndpoint(endpoints);
    if (gateway != null) {
      ports.republish(c, gateway);
    }
    endpoints.forEach(e -> attached(c, e));
  }

  /** POST /networks/{id}/connect: on a running container the interface appears at once. */
  public EndpointRecord connect(ContainerHandle c, boolean running, NetworkRecord n, EndpointRequest req) {
    return connect(c, running, n, req, e -> {});
  }

  /**
   * As {@link #connect(ContainerHandle, boolean, NetworkRecord, EndpointRequest)}, with {@code alsoRecord} (the
   * container's own record of its settings, given the new endpoint) written in the same store transaction: one
   * commit, and a failure there removes the new interface too. On a running container it runs while the
   * interface is made, unless the new network becomes the container's gateway.
   */
  public EndpointRecord connect(ContainerHandle c, boolean running, NetworkRecord n, EndpointRequest req,
      Consumer<EndpointRecord> alsoRecord) {
    if (c.config().mode() == ContainerNetworkConfig.Mode.NONE) {
      throw new ForbiddenException("container cannot be connected to multiple networks with one of the networks "
          + "in private (none) mode");
    }
    if (c.config().mode() == ContainerNetworkConfig.Mode.HOST
        || c.config().mode() == ContainerNetworkConfig.Mode.CONTAINER) {
      throw new ForbiddenException("container sharing network namespace with another container or host cannot "
          + "be connected to any other network");
    }
    return store.state().transact(() -> {
      List<EndpointRecord> existing = store.endpointsOfContainer(c.id());
      if (existing.stream().anyMatch(e -> e.networkId().equals(n.id()))) {
        throw new ForbiddenException("endpoint with name " + c.name() + " already exists in network " + n.name());
      }
      EndpointRecord e = leases.allocate(c, n, req, EndpointLeases.nextInterfaceName(existing));
      if (running) {
        boolean becomesGateway = !n.internal() && gatewayEndpoint(existing) == null;
        if (becomesGateway) {
          plug(c, e, true);
          try {
            ports.publish(c, e); // the container's record shows the ports, so it is written after them
            alsoRecord.accept(e);
          } catch (RuntimeException failure) {
            unplugQuietly(e, failure); // the driver's endpoint goes with its ports and rules
            throw failure;
          }
        } else {
          // The record needs nothing of the kernel: it is written while the interface is made.
          kernelWork.alongside(() -> plug(c, e, false), () -> alsoRecord.accept(e), () -> unplug(e));
        }
        attached(c, e);
      } else {
        alsoRecord.accept(e);
      }
      return e;
    });
  }

  /** POST /networks/{id}/disconnect; returns the endpoint that went. */
  public EndpointRecord disconnect(String containerId, String containerName, boolean running, NetworkRecord n) {
    return disconnect(containerId, containerName, running, n, e -> {});
  }

  /**
   * As {@link #disconnect(String, String, boolean, NetworkRecord)}, with {@code alsoRecord} (given the endpoint
   * that goes) in the same transaction; on a running container it runs while the interface is taken out.
   */
  public EndpointRecord disconnect(String containerId, String containerName, boolean running, NetworkRecord n,
      Consumer<EndpointRecord> alsoRecord) {
    if (!n.isBridge()) {
      throw new ForbiddenException("container cannot be disconnected from host network or connected to host "
          + "network");
    }
    return store.state().transact(() -> {
      List<EndpointRecord> endpoints = store.endpointsOfContainer(containerId);
      EndpointRecord e = endpoints.stream().filter(x -> x.networkId().equals(n.id())).findFirst()
          .orElseThrow(() -> new NotFoundException("container " + containerName + " is not connected to network "
              + n.name()));
      if (running) {
        if (e.equals(gatewayEndpoint(endpoints))) {
          ports.unpublish(containerId, e);
        }
        // The container runs on: its interface is out of the way at once, the pair is freed in the background.
        // The lease and the record are written meanwhile; they commit only once the interface is gone.
        kernelWork.alongside(() -> {
          driver.leaveRunning(e.networkId(), e.id());
          driver.deleteEndpoint(e.networkId(), e.id());
        }, () -> {
          leases.release(e);
          alsoRecord.accept(e);
        }, () -> {});
      } else {
        driver.deleteEndpoint(e.networkId(), e.id());
        leases.release(e);
        alsoRecord.accept(e);
      }
      detached(e);
      return e;
    });
  }

  /** Drops endpoints of a container that no longer exists (disconnect --force of a stale endpoint). */
  public boolean forgetStale(String containerRef, NetworkRecord n) {
    return store.state().transact(() -> {
      List<EndpointRecord> stale = store.endpointsOfNetwork(n.id()).stream()
          .filter(e -> e.containerId().startsWith(containerRef) || containerRef.equals(e.containerName()))
          .toList();
      for (EndpointRecord e : stale) {
        driver.leave(e.networkId(), e.id());
        driver.deleteEndpoint(e.networkId(), e.id());
        store.reservationsOfContainer(e.containerId()).forEach(store::deleteReservation);
        leases.release(e);
        detached(e);
        containerStopped(e.containerId());
      }
      return !stale.isEmpty();
    });
  }

  /** The container's endpoints, eth0 first. */
  public List<EndpointRecord> endpointsOf(String containerId) {
    return store.endpointsOfContainer(containerId);
  }

  /** True when the endpoint is on a user-defined network (which has the embedded DNS). */
  public boolean onUserDefinedNetwork(EndpointRecord e) {
    return store.network(e.networkId()).map(n -> n.isBridge() && !n.isDefaultBridge()).orElse(false);
  }

  /** The endpoint that carries the default route and the published ports: the first on a non-internal network. */
  EndpointRecord gatewayEndpoint(List<EndpointRecord> endpoints) {
    for (EndpointRecord e : endpoints) {
      if (store.network(e.networkId()).map(n -> n.isBridge() && !n.internal()).orElse(false)) {
        return e;
      }
    }
    return null;
  }

  private void plug(ContainerHandle c, EndpointRecord e, boolean defaultGateway) {
    EndpointSpec spec = PortPublisher.spec(e);
    driver.createEndpoint(spec);
    try {
      driver.join(new JoinSpec(spec, c.netns(), IfName.of(e.interfaceName()), defaultGateway));
    } catch (RuntimeException failure) {
      driver.deleteEndpoint(e.networkId(), e.id());
      throw failure;
    }
  }

  private void unplug(EndpointRecord e) {
    driver.leave(e.networkId(), e.id());
    driver.deleteEndpoint(e.networkId(), e.id());
  }

  private void unplugQuietly(EndpointRecord e, RuntimeException failure) {
    try {
      unplug(e);
    } catch (RuntimeException again) {
      failure.addSuppressed(again);
    }
  }
}
