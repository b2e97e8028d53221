package org.enginelite.engine.swarm.ingress;

import java.net.InetAddress;
import java.util.Optional;

/** Where a task's container can be reached from the host: its address on the given network. */
@FunctionalInterface
public interface TaskAddresses {
  Optional<InetAddress> address(String containerId, String network);
}
