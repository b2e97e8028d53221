package org.enginelite.engine.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enginelite.driver.InvalidParameterException;

/** One API request as a handler sees it: path parameters, query parameters and the body. */
public final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final byte[] body;
  private final ObjectMapper json;

  public ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
      byte[] body, ObjectMapper json) {
    this.method = method;
    this.path = path;
    this.pathParams = Map.copyOf(pathParams);
    this.query = Map.copyOf(query);
    this.body = body == null ? new byte[0] : body;
    this.json = json;
  }

  public String method() {
    return method;
  }

  /** The path without the version prefix. */
  public String path() {
    return path;
  }

  /** A {@code {name}} segment of the route's template. */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route has no path parameter " + name);
    }
    return value;
  }

  /** The first value of a query parameter. */
  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  public Map<String, List<String>> queryParams() {
    return query;
  }

  /** Docker's boolean query convention: 1/true/True set, 0/false/absent unset. */
  public boolean queryFlag(String name) {
    return query(name).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
  }

  public int queryInt(String name, int defaultValue) {
    Optional<String> v = query(name);
    if (v.isEmpty() || v.get().isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid value for " + name + ": " + v.get());
    }
  }

  /**
   * A JSON-encoded query parameter such as {@code filters}; Docker sends {@code {"label":{"a=b":true}}} or
   * {@code {"label":["a=b"]}}. Returns an empty object when absent.
   */
  public JsonNode queryJson(String name) {
    Optional<String> v = query(name);
    if (v.isEmpty() || v.get().isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(v.get());
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException("invalid " + name + " parameter: " + e.getOriginalMessage());
    }
  }

  public byte[] bodyBytes() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as a JSON tree; an empty body is an empty object. Malformed JSON is a 400. */
  public JsonNode json() {
    if (body.length == 0) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid JSON: " + oneLine(e));
    }
  }

  /** The body as a JSON object; anything else is a 400. */
  public ObjectNode jsonObject() {
    JsonNode node = json();
    if (!node.isObject()) {
      throw new InvalidParameterException("invalid JSON: expected an object");
    }
    return (ObjectNode) node;
  }

  /** The body bound to {@code type} (a *Json record); malformed JSON or wrong types are a 400. */
  public <T> T body(Class<T> type) {
    try {
      return json.readValue(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid JSON: " + oneLine(e));
    }
  }

  private static String oneLine(IOException e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    String line = m.lines().findFirst().orElse(m);
    int where = line.indexOf(" (start marker at");
    return where > 0 ? line.substring(0, where) : line;
  }
}
