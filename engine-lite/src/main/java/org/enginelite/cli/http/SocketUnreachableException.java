package org.enginelite.cli.http;

import java.io.IOException;
import java.nio.file.Path;

/** Nothing accepts connections on the socket: the daemon is not running (or the path is wrong). */
public final class SocketUnreachableException extends IOException {

  private final Path socket;

  public SocketUnreachableException(Path socket, IOException cause) {
    super("cannot connect to " + socket + ": " + cause.getMessage(), cause);
    this.socket = socket;
  }

  public Path socket() {
    return socket;
  }
}
