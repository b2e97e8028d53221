package org.enginelite.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * A response whose head has been read. The body is a stream: for a normal request read it whole with
 * {@link #bodyBytes()}; for {@code logs -f} or a hijacked attach read it as it comes. Closing closes the socket.
 */
public final class HttpResponse implements AutoCloseable {

  private final int status;
  private final Map<String, String> headers;
  private final InputStream body;
  private final AutoCloseable connection;

  HttpResponse(int status, Map<String, String> headers, InputStream body, AutoCloseable connection) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.connection = connection;
  }

  public int status() {
    return status;
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** A header value by case-insensitive name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public InputStream body() {
    return body;
  }

  public byte[] bodyBytes() throws IOException {
    return body.readAllBytes();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (Exception e) {
      // The socket is gone either way.
    }
  }
}
