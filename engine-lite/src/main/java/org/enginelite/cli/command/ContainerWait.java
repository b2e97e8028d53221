package org.enginelite.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.enginelite.cli.ApiException;
import org.enginelite.cli.DaemonClient;
import org.enginelite.cli.Json;
import org.enginelite.cli.http.HttpResponse;

/**
 * POST /containers/{id}/wait opened before the container starts, as docker run does, so a container that exits
 * at once is not missed; the exit status arrives later on its own connection.
 */
final class ContainerWait {

  private ContainerWait() {}

  /**
   * Sends the wait request and returns once the daemon has answered with its headers, which it does after it
   * registered the wait; the future completes with the exit status.
   */
  static CompletableFuture<Integer> open(DaemonClient client, String id, String condition) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    CountDownLatch sent = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      try (HttpResponse r = client.stream("POST", "/containers/" + id + "/wait?condition=" + condition, Map.of(),
          null, -1)) {
        sent.countDown();
        result.complete(statusOf(Json.mapper().readTree(r.bodyBytes())));
      } catch (RuntimeException | IOException e) {
        result.completeExceptionally(e);
      } finally {
        sent.countDown();
      }
    }, "container-wait");
    t.setDaemon(true);
    t.start();
    try {
      sent.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  static int statusOf(JsonNode body) {
    if (body == null) {
      return 0;
    }
    JsonNode error = body.path("Error");
    if (error.hasNonNull("Message") && !error.get("Message").asText().isEmpty()) {
      throw new ApiException(500, error.get("Message").asText());
    }
    return body.path("StatusCode").asInt();
  }
}
