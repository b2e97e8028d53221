package org.enginelite.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.Map;
import org.enginelite.terminal.DetachKeys;

/**
 * A response whose head has been read. The body is a stream: for a normal request read it whole with
 * {@link #bodyBytes()}; for {@code logs -f} or a hijacked attach read it as it comes. Closing closes the socket.
 */
public final class HttpResponse implements AutoCloseable {

  private final int status;
  private final Map<String, String> headers;
  private final InputStream body;
  private final AutoCloseable connection;
  private volatile boolean detached;

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

  /**
   * For a hijacked stream ({@code run -i}, {@code exec -i}): copies {@code input} to the daemon on a thread of
   * its own, then closes the connection's write side, which the daemon passes on as end of input.
   */
  public void sendInput(InputStream input) {
    sendInput(input, null);
  }

  /**
   * As {@link #sendInput(InputStream)}, watching a TTY's input for {@code keys} (null: none): typed, they end
   * the attach, as docker's CLI does, and {@link #detached()} says so.
   */
  public void sendInput(InputStream input, DetachKeys keys) {
    if (!(connection instanceof SocketChannel channel)) {
      throw new IllegalStateException("no connection to send input on");
    }
    DetachKeys.Watcher watcher = keys == null ? null : keys.watcher();
    Thread t = new Thread(() -> {
      // Straight to the channel: a stream from Channels would wait for the lock the blocked reader holds.
      try {
        byte[] buf = new byte[8192];
        for (int n; (n = input.read(buf)) > 0; ) {
          byte[] pass = watcher == null ? java.util.Arrays.copyOf(buf, n) : watcher.pass(buf, n);
          if (pass == null) {
            detached = true;
            close();
            return;
          }
          ByteBuffer b = ByteBuffer.wrap(pass);
          while (b.hasRemaining()) {
            channel.write(b);
          }
        }
        channel.shutdownOutput();
      } catch (IOException e) {
        // the stream has ended (the process exited); what is left of the input is not wanted
      }
    }, "stdin");
    t.setDaemon(true);
    t.start();
  }

  /** True once the user typed the detach keys: the connection is closed, the container runs on. */
  public boolean detached() {
    return detached;
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
