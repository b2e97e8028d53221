package org.enginelite.engine.swarm;

import org.enginelite.engine.spi.ApiFilters;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.api.StreamBody;
import org.enginelite.engine.container.LogSelection;
import org.enginelite.engine.service.api.ServiceSpecJson;
import org.enginelite.engine.spi.ApiRequest;
import org.enginelite.engine.spi.ApiResponse;
import org.enginelite.engine.spi.Routes;
import org.enginelite.engine.swarm.api.IngressStatsJson;
import org.enginelite.engine.swarm.api.InitRequestJson;
import org.enginelite.engine.swarm.api.NodeJson;
import org.enginelite.engine.swarm.api.SwarmApiMapper;
import org.enginelite.engine.swarm.ingress.ServiceIngress;
import org.enginelite.ingress.FrontendStats;

/** The swarm's HTTP routes: /swarm, /nodes, /services, /tasks, the empty /secrets and /configs, ingress stats. */
final class SwarmRoutes {

  private static final Set<String> NODE_FILTERS = Set.of("id", "label", "membership", "name", "node.label", "role");
  private static final Set<String> LIST_ONLY_LABELS = Set.of("id", "label", "name", "names");

  private final Swarm swarm;
  private final SwarmServices services;
  private final java.util.function.Supplier<ServiceIngress> ingress;
  private final LocalNode node;
  private final ServiceLogs logs;

  SwarmRoutes(Swarm swarm, SwarmServices services, java.util.function.Supplier<ServiceIngress> ingress, LocalNode node, ServiceLogs logs) {
    this.swarm = swarm;
    this.services = services;
    this.ingress = ingress;
    this.node = node;
    this.logs = logs;
  }

  void register(Routes r) {
    r.post("/swarm/init", q -> {
      InitRequestJson req = q.body(InitRequestJson.class);
      String addr = req.advertiseAddr() == null || req.advertiseAddr().isBlank() ? listenHost(req.listenAddr())
          : req.advertiseAddr();
      return ApiResponse.ok(TextNode.valueOf(swarm.init(addr)));
    });
    r.get("/swarm", q -> ApiResponse.ok(SwarmApiMapper.cluster(swarm.requireManager(), true)));
    r.post("/swarm/leave", q -> {
      swarm.leave(q.queryFlag("force"), services::removeAll);
      services.syncIngress();
      return new ApiResponse(200, null);
    });
    r.get("/nodes", q -> {
      SwarmCluster c = swarm.requireManager();
      ApiFilters f = ApiFilters.parse(q.query("filters").orElse(null), NODE_FILTERS);
      NodeJson n = SwarmApiMapper.node(c, node);
      boolean match = f.any("id", n.id()::startsWith) && f.any("name", node.hostname()::equals)
          && f.any("role", "manager"::equals) && f.any("membership", "accepted"::equals);
      return ApiResponse.ok(match ? List.of(n) : List.of());
    });
    r.get("/nodes/{id}", q -> {
      SwarmCluster c = swarm.requireManager();
      String ref = q.pathParam("id");
      if (!ref.equals(node.hostname()) && !(c.nodeId().startsWith(ref) && !ref.isEmpty())) {
        throw new NotFoundException("node " + ref + " not found");
      }
      return ApiResponse.ok(SwarmApiMapper.node(c, node));
    });
    r.post("/services/create", q -> new ApiResponse(201, services.create(q.body(ServiceSpecJson.class))));
    r.get("/services", q -> ApiResponse.ok(services.list(
        ApiFilters.parse(q.query("filters").orElse(null), SwarmServices.SERVICE_FILTERS))));
    r.get("/services/{id}", q -> ApiResponse.ok(services.inspect(q.pathParam("id"))));
    r.post("/services/{id}/update", q -> ApiResponse.ok(services.update(q.pathParam("id"), version(q),
        q.body(ServiceSpecJson.class))));
    r.delete("/services/{id}", q -> {
      services.remove(q.pathParam("id"));
      return new ApiResponse(200, null);
    });
    r.get("/services/{id}/logs", q -> {
      StoredService s = services.resolve(q.pathParam("id"));
      LogSelection sel = LogSelection.of(q);
      var req = new ServiceLogs.Request(sel.stdout(), sel.stderr(), q.queryFlag("timestamps"), q.queryFlag("details"),
          sel.tail(), q.queryFlag("follow"));
      return ApiResponse.ok(StreamBody.chunked(ServiceLogs.CONTENT_TYPE,
          sink -> logs.write(s, () -> services.tasksOf(s.id()), req, sink)));
    });
    r.get("/services/{id}/lb", q -> ApiResponse.ok(stats(services.resolve(q.pathParam("id")).name())));
    r.get("/ingress/stats", q -> {
      swarm.requireManager();
      return ApiResponse.ok(stats(null));
    });
    r.get("/tasks", q -> ApiResponse.ok(services.tasks(
        ApiFilters.parse(q.query("filters").orElse(null), SwarmServices.TASK_FILTERS))));
    r.get("/tasks/{id}", q -> ApiResponse.ok(services.task(q.pathParam("id"))));
    // docker stack rm lists a stack's secrets and configs; this engine has none, but the lists must answer.
    r.get("/secrets", q -> emptyList(q));
    r.get("/configs", q -> emptyList(q));
  }

  private ApiResponse emptyList(ApiRequest q) {
    swarm.requireManager();
    ApiFilters.parse(q.query("filters").orElse(null), LIST_ONLY_LABELS);
    return ApiResponse.ok(List.of());
  }

  private static long version(ApiRequest q) {
    String v = q.query("version").orElseThrow(() -> new InvalidParameterException(
        "invalid service version '': version is required"));
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid service version '" + v + "'");
    }
  }

  /** "0.0.0.0:2377" names no address to advertise; a specific listen address does. */
  private static String listenHost(String listen) {
    if (listen == null || listen.isBlank() || listen.startsWith("0.0.0.0") || listen.startsWith("[::]")) {
      return null;
    }
    return listen;
  }

  private List<IngressStatsJson> stats(String service) {
    ServiceIngress i = ingress.get();
    if (i == null) {
      return List.of();
    }
    return i.stats().entrySet().stream()
        .filter(e -> service == null || e.getKey().service().equals(service))
        .map(e -> toJson(e.getKey(), e.getValue()))
        .toList();
  }

  private static IngressStatsJson toJson(ServiceIngress.Key k, FrontendStats s) {
    return new IngressStatsJson(k.service(), k.published(), k.protocol().dockerName(),
        s.listen().getAddress().getHostAddress() + ":" + s.listen().getPort(), s.activeConnections(),
        s.totalConnections(), s.bytesIn(), s.bytesOut(),
        s.backends().stream().map(b -> new IngressStatsJson.Backend(
            b.address().getAddress().getHostAddress() + ":" + b.address().getPort(),
            b.state().name().toLowerCase(Locale.ROOT), b.activeConnections(), b.totalConnections(), b.bytesIn(),
            b.bytesOut(), b.failures())).toList());
  }

}
