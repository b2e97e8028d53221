package org.enginelite.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;

/** The daemon refused a request; printed as docker does: "Error response from daemon: ...". */
public final class ApiException extends RuntimeException {

  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static ApiException of(int status, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    String message = message(body);
    if (message != null) {
      text = message;
    }
    if (text.isEmpty()) {
      text = "HTTP status " + status;
    }
    return new ApiException(status, text);
  }

  /** The top-level "message" of a JSON object body, or null (not JSON, no such field, or null). */
  private static String message(byte[] body) {
    try (JsonParser p = Json.factory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String message = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("message") && value != JsonToken.VALUE_NULL) {
          // As JsonNode.asText(): a scalar's text, "" for an object or array.
          message = value.isScalarValue() ? p.getValueAsString("") : "";
        }
        p.skipChildren();
      }
      return message;
    } catch (Exception e) {
      // Not JSON: the body text is the message.
      return null;
    }
  }

  public boolean notFound() {
    return status == 404;
  }
}
