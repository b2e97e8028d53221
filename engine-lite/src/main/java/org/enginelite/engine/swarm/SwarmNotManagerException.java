package org.enginelite.engine.swarm;

import org.enginelite.driver.UnavailableException;

/** Docker's answer (503) to swarm requests before {@code swarm init}. */
public final class SwarmNotManagerException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  public SwarmNotManagerException() {
    super("This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this"
        + " node to swarm and try again.");
  }
}
