package org.enginelite.cli;

/** No daemon answers on the socket. */
public final class DaemonUnreachableException extends RuntimeException {

  public DaemonUnreachableException(EngineHost host) {
    super("Cannot connect to the engine-lite daemon at " + host.uri() + ". Is the daemon running? Start it with: "
        + host.startHint());
  }
}
