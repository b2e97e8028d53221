package org.enginelite.engine.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.api.DetachingInput;
import org.enginelite.engine.api.StreamBody;
import org.enginelite.engine.api.StreamInput;
import org.enginelite.engine.container.ContainerFilters;
import org.enginelite.engine.container.ContainerOutput;
import org.enginelite.engine.container.LogSelection;
import org.enginelite.engine.container.ContainerService;
import org.enginelite.engine.spi.ApiFilters;
import org.enginelite.engine.spi.ApiRequest;
import org.enginelite.engine.spi.ApiResponse;
import org.enginelite.engine.spi.Routes;
import org.enginelite.terminal.DetachKeys;

/** Docker's {@code /containers} endpoints. */
public final class ContainerRoutes {
  private final ContainerService containers;
  private final ContainerOutput output;

  public ContainerRoutes(ContainerService containers) {
    this.containers = containers;
    this.output = new ContainerOutput(containers);
  }

  public void register(Routes r) {
    r.post("/containers/create", this::create);
    r.get("/containers/json", this::list);
    r.post("/containers/prune", this::prune);
    r.get("/containers/{id}/json", q -> ApiResponse.ok(containers.inspect(q.pathParam("id"))));
    r.post("/containers/{id}/start", q -> containers.startReporting(q.pathParam("id"))
        ? ApiResponse.noContent() : new ApiResponse(304, null));
    r.post("/containers/{id}/stop", q -> containers.stopReporting(q.pathParam("id"), q.queryInt("t", -1))
        ? ApiResponse.noContent() : new ApiResponse(304, null));
    r.post("/containers/{id}/restart", q -> {
      containers.restart(q.pathParam("id"), q.queryInt("t", -1));
      return ApiResponse.noContent();
    });
    r.post("/containers/{id}/kill", q -> {
      containers.kill(q.pathParam("id"), q.query("signal").orElse("KILL"));
      return ApiResponse.noContent();
    });
    r.post("/containers/{id}/wait", this::waitFor);
    r.post("/containers/{id}/pause", q -> {
      containers.pause(q.pathParam("id"));
      return ApiResponse.noContent();
    });
    r.post("/containers/{id}/unpause", q -> {
      containers.unpause(q.pathParam("id"));
      return ApiResponse.noContent();
    });
    r.get("/containers/{id}/top", q -> ApiResponse.ok(containers.top(q.pathParam("id"))));
    r.get("/containers/{id}/logs", this::logs);
    r.get("/containers/{id}/stats", q -> {
      String id = containers.record(q.pathParam("id")).id();
      boolean stream = q.query("stream").map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(true);
      return ApiResponse.ok(StreamBody.chunked("application/json",
          sink -> containers.stats(id, stream, q.queryFlag("one-shot"), sink)));
    });
    r.post("/containers/{id}/attach", this::attach);
    r.post("/containers/{id}/resize", q -> {
      containers.resize(q.pathParam("id"), q.queryInt("h", 0), q.queryInt("w", 0));
      return ApiResponse.ok(null);
    });
    r.delete("/containers/{id}", q -> {
      containers.remove(q.pathParam("id"), q.queryFlag("force"), q.queryFlag("v"));
      return ApiResponse.noContent();
    });
  }

  private ApiResponse create(ApiRequest q) {
    ObjectNode body = q.jsonObject();
    String name = q.query("name").orElse(null);
    String id = containers.create(body, name);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Id", id);
    out.put("Warnings", List.of());
    return ApiResponse.created(out);
  }

  private ApiResponse list(ApiRequest q) {
    ContainerFilters filters = ContainerFilters.parse(q.queryJson("filters"));
    List<ObjectNode> all = containers.list(q.queryFlag("all"), filters);
    int limit = q.queryInt("limit", -1);
    return ApiResponse.ok(limit > 0 && all.size() > limit ? all.subList(0, limit) : all);
  }

  /** Docker's prune filters: label (key or key=value) and until (a time, or a duration before now). */
  private ApiResponse prune(ApiRequest q) {
    ApiFilters filters = ApiFilters.parse(q.query("filters").orElse(null), PRUNE_FILTERS);
    return ApiResponse.ok(containers.prune(filters));
  }

  /** Headers go out at once (the CLI waits before it starts); the body when the condition is met. */
  private ApiResponse waitFor(ApiRequest q) {
    var exit = containers.waitFor(q.pathParam("id"), q.query("condition").orElse(""));
    return ApiResponse.ok(StreamBody.chunked("application/json", sink -> {
      int code = exit.get();
      sink.write(("{\"Error\":null,\"StatusCode\":" + code + "}\n").getBytes(StandardCharsets.UTF_8));
    }));
  }

  private ApiResponse logs(ApiRequest q) {
    String id = containers.record(q.pathParam("id")).id();
    LogSelection sel = LogSelection.of(q);
    var req = new ContainerOutput.LogsRequest(sel.stdout(), sel.stderr(), q.queryFlag("follow"), sel.tail(), q.queryFlag("timestamps"),
        epochSeconds(q.query("since").orElse("")), epochSeconds(q.query("until").orElse("")));
    boolean tty = containers.record(id).request().path("Tty").asBoolean(false);
    String type = tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";
    return ApiResponse.ok(StreamBody.chunked(type, sink -> output.logs(id, req, sink)));
  }

  private ApiResponse attach(ApiRequest q) {
    String id = containers.record(q.pathParam("id")).id();
    boolean stdout = q.queryFlag("stdout");
    boolean stderr = q.queryFlag("stderr");
    boolean logs = q.queryFlag("logs");
    boolean stream = q.queryFlag("stream");
    StreamInput stdin = q.queryFlag("stdin") && stream ? containers.stdinInput(id) : null;
    if (containers.record(id).request().path("Tty").asBoolean(false)) {
      stdin = DetachingInput.of(stdin, detachKeys(q.query("detachKeys").orElse("")));
    }
    return ApiResponse.ok(StreamBody.hijacked(sink -> {
      if (stream) {
        output.attach(id, stdout, stderr, logs, sink);
      } else if (logs) {
        output.logs(id, new ContainerOutput.LogsRequest(stdout, stderr, false, -1, false, 0, 0), sink);
      }
    }, stdin));
  }

  /** Docker's since/until: unix seconds (with optional fraction) or RFC 3339; empty means unset. */
  private static final java.util.Set<String> PRUNE_FILTERS = java.util.Set.of("label", "until");

  static long epochSeconds(String v) {
    if (v.isEmpty() || v.equals("0")) {
      return 0;
    }
    try {
      return (long) Double.parseDouble(v);
    } catch (NumberFormatException e) {
      try {
        return Instant.parse(v).getEpochSecond();
      } catch (RuntimeException e2) {
        throw new InvalidParameterException("invalid time value: " + v);
      }
    }
  }

  /** Docker's detachKeys parameter; empty means the default, ctrl-p ctrl-q. */
  static DetachKeys detachKeys(String text) {
    try {
      return DetachKeys.parse(text.isEmpty() ? DetachKeys.DEFAULT : text);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("Invalid detach keys (" + text + ") provided");
    }
  }
}
