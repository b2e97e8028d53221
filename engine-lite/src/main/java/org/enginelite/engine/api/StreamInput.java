package org.enginelite.engine.api;

import java.io.IOException;

/**
 * The reading end of a hijacked stream: what the client sends after {@code 101 UPGRADED} ({@code docker run -i},
 * {@code docker exec -i}). Called on one thread, in order; {@link #end} once, when the client closes its write
 * side or goes away.
 */
public interface StreamInput {

  /** Thrown by {@link #data} when the client typed its detach keys: the connection ends, the process runs on. */
  final class Detached extends IOException {
    private static final long serialVersionUID = 1L;

    public Detached() {
      super("read escape sequence");
    }
  }

  void data(byte[] bytes) throws IOException;

  void end();
}
