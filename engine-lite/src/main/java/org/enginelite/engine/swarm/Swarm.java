package org.enginelite.engine.swarm;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.util.Collections;
import java.util.Optional;
import org.enginelite.driver.UnavailableException;
import org.enginelite.driver.state.StateStore;

/**
 * Whether this node is in a swarm, and the swarm it manages. One node, always the manager (and leader), so
 * {@code node.role == manager} placement holds and every swarm request is answered here.
 */
public final class Swarm {

  static final String BUCKET = "swarm";
  private static final String KEY = "cluster";
  /** Swarm's default listen port, printed in the join command. */
  static final int MANAGER_PORT = 2377;

  private final StateStore store;
  private final Clock clock;
  private volatile SwarmCluster cluster;

  public Swarm(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.cluster = store.get(BUCKET, KEY, SwarmCluster.class).orElse(null);
  }

  /**
   * {@code swarm init}: makes this node the manager of a new swarm and returns its node id.
   *
   * @param advertiseAddr as given ({@code --advertise-addr}, an address with or without port), or null
   */
  public synchronized String init(String advertiseAddr) {
    if (cluster != null) {
      throw new UnavailableException("This node is already part of a swarm. Use \"docker swarm leave\" to leave"
          + " this swarm and join another one.");
    }
    SwarmCluster c = new SwarmCluster(SwarmIds.newId(), SwarmIds.newId(), clock.instant().toString(),
        advertise(advertiseAddr), SwarmIds.joinToken(), SwarmIds.joinToken());
    store.put(BUCKET, KEY, c);
    cluster = c;
    return c.nodeId();
  }

  /**
   * {@code swarm leave}: this node is the last manager, so leaving erases the swarm; Docker demands
   * {@code --force} for that. {@code eraseState} stops and removes the services first (it waits for the
   * reconciler's thread, so it must not run inside a store transaction that thread would wait for).
   */
  public synchronized void leave(boolean force, Runnable eraseState) {
    if (cluster == null) {
      throw new UnavailableException("This node is not part of a swarm");
    }
    if (!force) {
      throw new UnavailableException("You are attempting to leave the swarm on a node that is participating as a"
          + " manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore"
          + " this message.");
    }
    eraseState.run();
    store.delete(BUCKET, KEY);
    cluster = null;
  }

  public Optional<SwarmCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** The swarm, or Docker's 503 when this node has not joined one. */
  public SwarmCluster requireManager() {
    SwarmCluster c = cluster;
    if (c == null) {
      throw new SwarmNotManagerException();
    }
    return c;
  }

  public boolean active() {
    return cluster != null;
  }

  /** host:port other nodes would use; the first non-loopback IPv4 address when none was given. */
  static String advertise(String requested) {
    String addr = requested == null ? "" : requested.trim();
    if (addr.isEmpty()) {
      addr = firstHostAddress();
    }
    if (addr.startsWith("[") || addr.chars().filter(ch -> ch == ':').count() == 1) {
      return addr;
    }
    return addr.contains(":") ? "[" + addr + "]:" + MANAGER_PORT : addr + ":" + MANAGER_PORT;
  }

  private static String firstHostAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isLoopback() || !nic.isUp() || nic.getName().startsWith("el")) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // No readable interface list: fall back to loopback, which is right for a one-node swarm anyway.
    }
    return "127.0.0.1";
  }
}
