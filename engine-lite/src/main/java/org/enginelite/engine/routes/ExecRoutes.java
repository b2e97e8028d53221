package org.enginelite.engine.routes;

import java.util.Map;
import org.enginelite.engine.api.StreamBody;
import org.enginelite.engine.container.ExecService;
import org.enginelite.engine.spi.ApiResponse;
import org.enginelite.engine.spi.Routes;

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
      return ApiResponse.ok(StreamBody.hijacked(sink -> execs.start(id, sink, tty), execs.stdinInput(id)));
    });
    r.post("/exec/{id}/resize", q -> {
      execs.resize(q.pathParam("id"), q.queryInt("h", 0), q.queryInt("w", 0));
      return ApiResponse.ok(null);
    });
    r.get("/exec/{id}/json", q -> ApiResponse.ok(execs.inspect(q.pathParam("id"))));
  }
}
