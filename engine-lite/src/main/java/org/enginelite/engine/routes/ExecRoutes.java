package org.enginelite.engine.routes;

import java.util.Map;
import org.enginelite.engine.api.DetachingInput;
import org.enginelite.engine.api.StreamBody;
import org.enginelite.engine.api.StreamInput;
import org.enginelite.engine.container.ExecService;
import org.enginelite.engine.spi.ApiResponse;
import org.enginelite.engine.spi.Routes;
import org.enginelite.terminal.DetachKeys;

/** Docker's exec endpoints. */
public final class ExecRoutes {
  private final ExecService execs;

  public ExecRoutes(ExecService execs) {
    this.execs = execs;
  }

  public void register(Routes r) {
    r.post("/containers/{id}/exec", q -> ApiResponse.created(Map.of("Id", execs.create(q.pathParam("id"), q.json()))));
    r.post("/exec/{id}/start", q -> {
      var body = q.json();
      String id = q.pathParam("id");
      execs.inspect(id);
      boolean tty = body.path("Tty").asBoolean(false);
      if (body.path("Detach").asBoolean(false)) {
        Thread t = new Thread(() -> {
          try {
            execs.start(id, null, tty);
          } catch (Exception ignored) {
            // a detached exec reports through /exec/{id}/json only
          }
        }, "exec-detached");
        t.setDaemon(true);
        t.start();
        return ApiResponse.ok(null);
      }
      StreamInput stdin = execs.stdinInput(id);
      if (execs.hasTty(id)) {
        stdin = DetachingInput.of(stdin, DetachKeys.parse(DetachKeys.DEFAULT));
      }
      return ApiResponse.ok(StreamBody.hijacked(sink -> execs.start(id, sink, tty), stdin));
    });
    r.post("/exec/{id}/resize", q -> {
      execs.resize(q.pathParam("id"), q.queryInt("h", 0), q.queryInt("w", 0));
      return ApiResponse.ok(null);
    });
    r.get("/exec/{id}/json", q -> ApiResponse.ok(execs.inspect(q.pathParam("id"))));
  }
}
