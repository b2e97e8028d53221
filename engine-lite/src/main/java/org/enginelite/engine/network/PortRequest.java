package org.enginelite.engine.network;

import org.enginelite.driver.network.PortBinding;

/**
 * One published port a container asks for: {@code hostPortLow == 0} lets the engine pick a free port from the
 * ephemeral range; a host range ({@code -p 8000-8010:80}) takes the first free port in it.
 */
public record PortRequest(PortBinding.Protocol protocol, int containerPort, String hostIp, int hostPortLow,
    int hostPortHigh) {

  /** The key of Docker's Ports and PortBindings maps: {@code 80/tcp}. */
  public String containerPortKey() {
    return containerPort + "/" + protocol;
  }

  public boolean randomHostPort() {
    return hostPortLow == 0;
  }
}
