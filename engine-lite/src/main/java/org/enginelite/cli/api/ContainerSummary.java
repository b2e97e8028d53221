package org.enginelite.cli.api;

import java.util.List;

/**
 * One entry of {@code GET /containers/json} (types.Container), only the fields {@code ps} prints. Read with
 * {@link ContainerListReader}.
 */
public record ContainerSummary(String id, List<String> names, String image, String command, long created,
    String status, List<Port> ports) {

  /** types.Port: a container port and, when published, the host address and port (0 when not). */
  public record Port(String ip, int privatePort, int publicPort, String type) {}
}
