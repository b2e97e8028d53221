package org.enginelite.engine.api;

import java.io.IOException;

/**
 * The reading end of a hijacked stream: what the client sends after {@code 101 UPGRADED} ({@code docker run -i},
 * {@code docker exec -i}). Called on one thread, in order; {@link #end} once, when the client closes its write
 * side or goes away.
 */
public interface StreamInput {

  void data(byte[] bytes) throws IOException;

  void end();
}
