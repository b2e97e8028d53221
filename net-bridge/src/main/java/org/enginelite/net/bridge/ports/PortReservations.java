package org.enginelite.net.bridge.ports;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.network.PortBinding;
import org.enginelite.net.bridge.HostNamespace;

/**
 * Holds published host ports per endpoint. A TCP port is held by a bound, non-listening socket without
 * SO_REUSEADDR, which makes every other bind of that port fail (inet_csk_bind_conflict); a UDP port by a bound
 * datagram socket. A range costs one file descriptor per port, not a process.
 */
public final class PortReservations {
  private final HostNamespace host;
  private final Map<String, List<Held>> byEndpoint = new ConcurrentHashMap<>();

  public PortReservations(HostNamespace host) {
    this.host = host;
  }

  /**
   * Reserves every binding for {@code endpointId}, replacing what the endpoint held before; a binding with host
   * port 0 gets a free port from the kernel. All or nothing: on a conflict nothing new stays held.
   *
   * @return the bindings with their host ports filled in
   * @throws ConflictException "Bind for 0.0.0.0:8080 failed: port is already allocated"
   */
  public List<PortBinding> reserve(String endpointId, List<PortBinding> bindings) {
    List<Held> previous = byEndpoint.remove(endpointId);
    if (previous != null) {
      closeAll(previous);
    }
    List<Held> held = host.call(() -> bindAll(bindings));
    byEndpoint.put(endpointId, held);
    return held.stream().map(Held::binding).toList();
  }

  /** Releases the endpoint's ports; an endpoint without any is fine. */
  public void release(String endpointId) {
    List<Held> held = byEndpoint.remove(endpointId);
    if (held != null) {
      closeAll(held);
    }
  }

  /** Releases the ports of every endpoint not in {@code keep}. */
  public void retain(Set<String> keep) {
    for (String id : List.copyOf(byEndpoint.keySet())) {
      if (!keep.contains(id)) {
        release(id);
      }
    }
  }

  /** The bindings held for an endpoint, empty when none. */
  public List<PortBinding> held(String endpointId) {
    return byEndpoint.getOrDefault(endpointId, List.of()).stream().map(Held::binding).toList();
  }

  private static List<Held> bindAll(List<PortBinding> bindings) {
    List<Held> held = new ArrayList<>(bindings.size());
    boolean ok = false;
    try {
      for (PortBinding b : bindings) {
        held.add(bind(b));
      }
      ok = true;
      return held;
    } finally {
      if (!ok) {
        closeAll(held);
      }
    }
  }

  private static Held bind(PortBinding b) {
    NetworkChannel channel = null;
    try {
      channel = b.protocol() == PortBinding.Protocol.TCP
          ? SocketChannel.open(StandardProtocolFamily.INET)
          : DatagramChannel.open(StandardProtocolFamily.INET);
      channel.bind(new InetSocketAddress(b.hostIp(), b.hostPort()));
      int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
      return new Held(b.withHostPort(port), channel);
    } catch (BindException e) {
      closeQuietly(channel);
      String where = b.hostIp().getHostAddress() + ":" + b.hostPort();
      if (e.getMessage() != null && e.getMessage().contains("in use")) {
        throw new ConflictException("Bind for " + where + " failed: port is already allocated", e);
      }
      // EADDRNOTAVAIL and friends: the host has no such address; the user asked for it.
      throw new InvalidParameterException("Bind for " + where + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new InternalException("cannot reserve host port " + b + ": " + e.getMessage(), e);
    }
  }

  private static void closeAll(List<Held> held) {
    for (Held h : held) {
      closeQuietly(h.channel());
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing a bound, unconnected socket cannot lose data
      }
    }
  }

  private record Held(PortBinding binding, NetworkChannel channel) {}
}
