package org.enginelite.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.enginelite.cli.http.HttpResponse;
import org.enginelite.cli.http.SocketUnreachableException;
import org.enginelite.cli.http.UnixSocketHttpClient;

/**
 * The Docker Engine API as the CLI calls it: versioned paths, JSON bodies, and the daemon's
 * {@code {"message": ...}} errors turned into {@link ApiException}.
 */
public final class DaemonClient {

  /** The API version the CLI speaks, as docker does with DOCKER_API_VERSION=1.41. */
  public static final String API_VERSION = "1.41";

  private final EngineHost host;
  private final UnixSocketHttpClient http;

  public DaemonClient(EngineHost host) {
    this.host = host;
    this.http = new UnixSocketHttpClient(host.socket());
  }

  public EngineHost host() {
    return host;
  }

  public JsonNode get(String path) {
    return json(call("GET", path, null));
  }

  /** GET, the body as it came: for verbs that read it with a streaming parser rather than as a tree. */
  public byte[] getBody(String path) {
    return call("GET", path, null);
  }

  /** POST with a JSON body (null for none); returns the parsed response, or null when it has no body. */
  public JsonNode post(String path, Object body) {
    return json(call("POST", path, body));
  }

  public JsonNode delete(String path) {
    return json(call("DELETE", path, null));
  }

  /** Sends a request and returns the open response for the caller to stream; errors are raised first. */
  public HttpResponse stream(String method, String path, Map<String, String> headers, InputStream body,
      long length) {
    return stream(method, path, headers, body, length, null);
  }

  /**
   * As {@link #stream(String, String, Map, InputStream, long)}; {@code sent} (null for nothing) runs once the
   * request is out.
   */
  public HttpResponse stream(String method, String path, Map<String, String> headers, InputStream body,
      long length, Runnable sent) {
    try {
      HttpResponse r = http.send(method, "/v" + API_VERSION + path, headers, body, length, sent);
      if (r.status() >= 400) {
        try (r) {
          throw ApiException.of(r.status(), r.bodyBytes());
        }
      }
      return r;
    } catch (SocketUnreachableException e) {
      throw new DaemonUnreachableException(host);
    } catch (IOException e) {
      throw new UncheckedIOException("talking to the daemon at " + host.uri() + ": " + e.getMessage(), e);
    }
  }

  /** Answers whether a daemon listens on the socket (GET /_ping). */
  public boolean ping() {
    try (HttpResponse r = http.send("GET", "/_ping", Map.of(), null, -1)) {
      return r.ok();
    } catch (IOException e) {
      return false;
    }
  }

  private byte[] call(String method, String path, Object body) {
    byte[] bytes = null;
    Map<String, String> headers = new LinkedHashMap<>();
    if (body != null) {
      try {
        bytes = Json.mapper().writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot encode request body: " + e.getMessage(), e);
      }
      headers.put("Content-Type", "application/json");
    }
    InputStream in = bytes == null ? null : new java.io.ByteArrayInputStream(bytes);
    try (HttpResponse r = stream(method, path, headers, in, bytes == null ? -1 : bytes.length)) {
      return r.bodyBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the daemon's answer: " + e.getMessage(), e);
    }
  }

  private static JsonNode json(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the daemon answered with invalid JSON: " + e.getMessage(), e);
    }
  }

  /** Percent-encodes a query or path value. */
  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
