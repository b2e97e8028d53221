package org.enginelite.cli.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one request per connection to an HTTP server on a unix socket. A CLI run makes only a handful of
 * requests, so keep-alive would buy nothing and cost a connection pool.
 */
public final class UnixSocketHttpClient {

  private final Path socket;

  public UnixSocketHttpClient(Path socket) {
    this.socket = socket;
  }

  public Path socket() {
    return socket;
  }

  /**
   * Sends a request and reads the response head. The body is left in the stream.
   *
   * @param body null for none; sent with Content-Length when {@code length >= 0}, chunked otherwise
   * @throws SocketUnreachableException when nothing listens on the socket
   */
  public HttpResponse send(String method, String target, Map<String, String> headers, InputStream body, long length)
      throws IOException {
    return send(method, target, headers, body, length, null);
  }

  /**
   * As {@link #send(String, String, Map, InputStream, long)}, calling {@code sent} once the request is written
   * and before the response head is awaited: {@code run} opens its wait this way before it starts the container.
   * Null for nothing. (Loops rather than lambdas and streams on this path: linking a lambda costs every start of
   * the CLI its method-handle set-up.)
   */
  public HttpResponse send(String method, String target, Map<String, String> headers, InputStream body, long length,
      Runnable sent) throws IOException {
    SocketChannel channel = connect();
    try {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
      StringBuilder head = new StringBuilder(256);
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: engine-lite\r\n")
          .append("User-Agent: engine-lite-cli\r\n");
      boolean upgrade = false;
      for (Map.Entry<String, String> h : headers.entrySet()) {
        head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        upgrade |= h.getKey().equalsIgnoreCase("Upgrade");
      }
      if (!upgrade) {
        head.append("Connection: close\r\n");
      }
      if (body != null && length >= 0) {
        head.append("Content-Length: ").append(length).append("\r\n");
      } else if (body != null) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        head.append("Content-Length: 0\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null && length >= 0) {
        body.transferTo(out);
      } else if (body != null) {
        writeChunked(body, out);
      }
      out.flush();
      if (sent != null) {
        sent.run();
      }
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
      HttpHead response = HttpHead.read(in);
      return new HttpResponse(response.status(), response.headers(), bodyOf(method, response, in), channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private SocketChannel connect() throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      return channel;
    } catch (IOException e) {
      channel.close();
      throw new SocketUnreachableException(socket, e);
    }
  }

  private static InputStream bodyOf(String method, HttpHead head, InputStream in) {
    if (method.equals("HEAD") || head.status() == 204 || head.status() == 304) {
      return InputStream.nullInputStream();
    }
    if (head.status() == 101) {
      return in;
    }
    String te = head.headers().get("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      return new ChunkedInputStream(in);
    }
    String cl = head.headers().get("content-length");
    if (cl != null) {
      return new BoundedInputStream(in, Long.parseLong(cl.trim()));
    }
    return in;
  }

  private static void writeChunked(InputStream body, OutputStream out) throws IOException {
    byte[] buf = new byte[64 * 1024];
    for (int n = body.read(buf); n >= 0; n = body.read(buf)) {
      if (n == 0) {
        continue;
      }
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(buf, 0, n);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }
}
