package org.enginelite.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
    try {
      JsonNode node = Json.mapper().readTree(body);
      if (node != null && node.hasNonNull("message")) {
        text = node.get("message").asText();
      }
    } catch (Exception e) {
      // Not JSON: the body text is the message.
    }
    if (text.isEmpty()) {
      text = "HTTP status " + status;
    }
    return new ApiException(status, text);
  }

  public boolean notFound() {
    return status == 404;
  }
}
