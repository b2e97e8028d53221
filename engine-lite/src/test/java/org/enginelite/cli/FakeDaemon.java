package org.enginelite.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A real HTTP/1.1 server on a temporary unix socket that records each request and answers from a handler: enough
 * to check which requests a verb sends and how it prints the answers, without a daemon.
 */
public final class FakeDaemon implements AutoCloseable {

  /** A request as received. */
  public record Request(String method, String target, Map<String, String> headers, String body) {
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    public String query() {
      int q = target.indexOf('?');
      return q < 0 ? "" : java.net.URLDecoder.decode(target.substring(q + 1), StandardCharsets.UTF_8);
    }
  }

  /** An answer: status, JSON (or raw) body; {@code hijack} answers 101 and then writes the body raw. */
  public record Reply(int status, byte[] body, boolean hijack) {
    public static Reply json(int status, String json) {
      return new Reply(status, json.getBytes(StandardCharsets.UTF_8), false);
    }

    public static Reply stream(byte[] raw) {
      return new Reply(101, raw, true);
    }
  }

  private final Path dir;
  private final Path socket;
  private final ServerSocketChannel server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;
  private volatile Function<Request, Reply> handler;

  public FakeDaemon(Function<Request, Reply> handler) throws IOException {
    this.handler = handler;
    dir = Files.createTempDirectory("el-cli-test-");
    socket = dir.resolve("engine.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    acceptor = new Thread(this::acceptLoop, "fake-daemon");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String uri() {
    return "unix://" + socket;
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests other than the pings. */
  public List<Request> apiRequests() {
    return requests().stream().filter(r -> !r.path().endsWith("/_ping")).toList();
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel c = server.accept();
        Thread t = new Thread(() -> serve(c), "fake-daemon-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel c) {
    try (c) {
      InputStream in = new BufferedInputStream(Channels.newInputStream(c));
      OutputStream out = Channels.newOutputStream(c);
      String requestLine = line(in);
      String[] parts = requestLine.split(" ");
      Map<String, String> headers = new HashMap<>();
      for (String l = line(in); !l.isEmpty(); l = line(in)) {
        int colon = l.indexOf(':');
        headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
      }
      byte[] body;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int n = Integer.parseInt(line(in), 16); n > 0; n = Integer.parseInt(line(in), 16)) {
          b.write(in.readNBytes(n));
          line(in);
        }
        line(in);
        body = b.toByteArray();
      } else {
        body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      }
      Request r = new Request(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
      requests.add(r);
      Reply reply = handler.apply(r);
      if (reply.hijack()) {
        out.write(("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
            + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(reply.body());
      } else {
        out.write(("HTTP/1.1 " + reply.status() + " X\r\nContent-Type: application/json\r\nContent-Length: "
            + reply.body().length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(reply.body());
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      // The client went away; the test sees what was recorded.
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("eof");
      }
      b.write(c);
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /** A multiplexed-stream frame: [stream, 0, 0, 0, size] then the payload. */
  public static byte[] frame(int stream, String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] f = new byte[8 + payload.length];
    f[0] = (byte) stream;
    f[4] = (byte) (payload.length >>> 24);
    f[5] = (byte) (payload.length >>> 16);
    f[6] = (byte) (payload.length >>> 8);
    f[7] = (byte) payload.length;
    System.arraycopy(payload, 0, f, 8, payload.length);
    return f;
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
