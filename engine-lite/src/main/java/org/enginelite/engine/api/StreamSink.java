package org.enginelite.engine.api;

import java.io.IOException;

/** The writing end of a streamed or hijacked response. Writes block until the bytes are handed to the socket. */
public interface StreamSink {

  void write(byte[] bytes) throws IOException;

  /** True while the client is still connected. */
  boolean isOpen();

  /** Ends the response (the last chunk, or closing a hijacked connection). Safe to repeat. */
  void close();
}
