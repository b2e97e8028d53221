package org.enginelite.engine.swarm.api;

import java.util.List;
import java.util.Map;
import org.enginelite.engine.service.ServiceReconciler;
import org.enginelite.engine.swarm.LocalNode;
import org.enginelite.engine.swarm.SwarmCluster;

/** The one place the swarm's domain records become its API JSON. */
public final class SwarmApiMapper {

  /** Docker's default address pool for swarm-scope networks, shown by docker info. */
  private static final List<String> DEFAULT_POOL = List.of("10.0.0.0/8");
  private static final int VXLAN_PORT = 4789;

  private SwarmApiMapper() {}

  /** GET /swarm (with join tokens) or the Cluster of GET /info (without). */
  public static ClusterJson cluster(SwarmCluster c, boolean withTokens) {
    return new ClusterJson(c.id(), new ClusterJson.Version(1), c.createdAt(), c.createdAt(),
        SwarmSpecJson.defaults(ServiceReconciler.HISTORY_PER_SLOT), new ClusterJson.TlsInfo("", "", ""), false,
        DEFAULT_POOL, 24, VXLAN_PORT,
        withTokens ? new ClusterJson.JoinTokens(c.workerToken(), c.managerToken()) : null);
  }

  /** The Swarm section of GET /info. */
  public static SwarmInfoJson info(SwarmCluster c) {
    if (c == null) {
      return SwarmInfoJson.inactive();
    }
    return new SwarmInfoJson(c.nodeId(), host(c.advertiseAddr()), "active", true, "",
        List.of(new SwarmInfoJson.Peer(c.nodeId(), c.advertiseAddr())), 1, 1, cluster(c, false));
  }

  /** The node: a ready, active manager and the leader. */
  public static NodeJson node(SwarmCluster c, LocalNode local) {
    return new NodeJson(c.nodeId(), new ClusterJson.Version(1), c.createdAt(), c.createdAt(),
        new NodeJson.Spec(Map.of(), "manager", "active"),
        new NodeJson.Description(local.hostname(), new NodeJson.Platform("x86_64", "linux"),
            new NodeJson.Resources(local.nanoCpus(), local.memoryBytes()),
            new NodeJson.Engine(local.engineVersion(), Map.of(), List.of())),
        new NodeJson.Status("ready", host(c.advertiseAddr())),
        new NodeJson.ManagerStatus(true, "reachable", c.advertiseAddr()));
  }

  /** The address without its port: "10.0.2.15:2377" gives "10.0.2.15". */
  static String host(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }
}
