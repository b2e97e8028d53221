package org.enginelite.engine.dns;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.enginelite.dns.files.ResolvConf;
import org.enginelite.driver.state.StateStore;

/**
 * A container's own resolvers ({@code --dns}), kept in the store from create to remove: on a user-defined network
 * its resolv.conf names only 127.0.0.11, and the embedded server forwards to these instead of the host's, as
 * Docker's does. Stored, not read from the container at start, so a daemon restart finds them again.
 *
 * @param servers the nameserver addresses as given
 */
record ContainerUpstreams(List<String> servers) {
  static final String BUCKET = "dns.upstreams";

  ContainerUpstreams {
    servers = List.copyOf(servers);
  }

  /** The container's resolvers as socket addresses on port 53; empty when it has none of its own. */
  static List<InetSocketAddress> of(StateStore store, String containerId) {
    Optional<ContainerUpstreams> own = store.get(BUCKET, containerId, ContainerUpstreams.class);
    return own.map(u -> new ResolvConf(u.servers(), List.of(), List.of()).upstreams()).orElse(List.of());
  }
}
