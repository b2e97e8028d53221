package org.enginelite.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client for the engine's unix socket (JDK UnixDomainSocketAddress, one connection per
 * request), so tests speak the raw API without the CLI in between. Chunked bodies are decoded.
 */
public final class RawApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path socket;

  public RawApi(Path socket) {
    this.socket = socket;
  }

  /** Status, lower-cased headers and the decoded body. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
      }
    }

    /** The "message" of an error body. */
    public String message() {
      return json().path("message").asText();
    }

    /** Docker's multiplexed stream split into stdout and stderr text. */
    public String[] demux() {
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      int i = 0;
      while (i + 8 <= body.length) {
        int len = ((body[i + 4] & 0xff) << 24) | ((body[i + 5] & 0xff) << 16) | ((body[i + 6] & 0xff) << 8)
            | (body[i + 7] & 0xff);
        String s = new String(body, i + 8, len, StandardCharsets.UTF_8);
        (body[i] == 2 ? err : out).append(s);
        i += 8 + len;
      }
      return new String[] {out.toString(), err.toString()};
    }
  }

  public Response get(String path) {
    return request("GET", path, null, null);
  }

  public Response post(String path) {
    return request("POST", path, null, null);
  }

  public Response post(String path, Object jsonBody) {
    try {
      byte[] body = jsonBody instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
          : JSON.writeValueAsBytes(jsonBody);
      return request("POST", path, body, "application/json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response postBytes(String path, byte[] body, String contentType) {
    return request("POST", path, body, contentType);
  }

  public Response delete(String path) {
    return request("DELETE", path, null, null);
  }

  public Response request(String method, String path, byte[] body, String contentType) {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      StringBuilder head = new StringBuilder()
          .append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n");
      if (body != null) {
        head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length)
            .append("\r\n");
      } else if (!method.equals("GET")) {
        head.append("Content-Length: 0\r\n");
      }
      head.append("\r\n");
      writeFully(ch, head.toString().getBytes(StandardCharsets.US_ASCII));
      if (body != null) {
        writeFully(ch, body);
      }
      byte[] raw = Channels.newInputStream(ch).readAllBytes();
      return parse(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " on " + socket, e);
    }
  }

  private static void writeFully(SocketChannel ch, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  private static Response parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    if (end < 0) {
      throw new IllegalStateException("no HTTP response: " + new String(raw, StandardCharsets.UTF_8));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
    }
    byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    }
    return new Response(status, headers, rest);
  }

  private static byte[] dechunk(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < in.length) {
      int eol = indexOf(in, new byte[] {'\r', '\n'}, i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(new String(in, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(in, eol + 2, size);
      i = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
