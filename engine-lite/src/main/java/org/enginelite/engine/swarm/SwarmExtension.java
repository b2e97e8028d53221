package org.enginelite.engine.swarm;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enginelite.engine.spi.EngineContext;
import org.enginelite.engine.spi.EngineExtension;
import org.enginelite.engine.spi.Routes;
import org.enginelite.engine.swarm.api.SwarmApiMapper;
import org.enginelite.engine.swarm.api.SwarmInfoJson;
import org.enginelite.engine.swarm.ingress.ServiceIngress;
import org.enginelite.ingress.LoadBalancer;

/**
 * Swarm mode plugged into the engine: the swarm, nodes, services and tasks API; tasks as the engine's
 * containers; published ports through the ingress load balancer. Services restored from the store start
 * reconciling once the engine has recovered its containers ({@link #started}).
 */
public final class SwarmExtension implements EngineExtension {

  private static final Logger LOG = Logger.getLogger(SwarmExtension.class.getName());
  /** How often the reconciler looks at every task even when no event came (a missed exit, a slow start). */
  static final Duration TICK = Duration.ofSeconds(1);

  private final Swarm swarm;
  private final SwarmServices services;
  private final ContainerTaskRuntime runtime;
  private final ServiceLogs logs;
  private final LocalNode node;
  private volatile LoadBalancer lb;
  private volatile ServiceIngress ingress;

  /**
   * @param engine the engine; its containers are used only from {@link #started} on
   * @param engineVersion reported as the node's engine version
   */
  public SwarmExtension(EngineContext engine, String engineVersion) {
    Clock clock = Clock.systemUTC();
    this.swarm = new Swarm(engine.store(), clock);
    this.node = LocalNode.probe(engineVersion);
    this.runtime = new ContainerTaskRuntime(engine::containers, engine.json(), this::serviceId, this::nodeId);
    this.services = new SwarmServices(swarm, engine.store(), runtime, clock);
    this.logs = new ServiceLogs(engine::containers, this::nodeId);
    engine.onExit(exit -> {
      if (exit.labels().containsKey(SwarmLabels.TASK_ID)) {
        services.containerExited(exit.id());
      }
    });
  }

  @Override
  public void routes(Routes routes) {
    new SwarmRoutes(swarm, services, this::ingress, node, logs).register(routes);
  }

  @Override
  public void started(EngineContext engine) {
    lb = LoadBalancer.create();
    ingress = new ServiceIngress(lb, anyAddress(), runtime::address);
    services.withIngress(ingress).start(TICK);
    LOG.log(Level.FINE, "swarm services restored: " + services.services().size());
  }

  /** The Swarm section of GET /info. */
  public SwarmInfoJson swarmInfo() {
    return SwarmApiMapper.info(swarm.cluster().orElse(null));
  }

  @Override
  public void info(java.util.Map<String, Object> info) {
    info.put("Swarm", swarmInfo());
  }

  public Swarm swarm() {
    return swarm;
  }

  public SwarmServices services() {
    return services;
  }

  private ServiceIngress ingress() {
    return ingress;
  }

  private String serviceId(String name) {
    return services.services().stream().filter(s -> s.name().equals(name)).map(StoredService::id).findFirst()
        .orElse("");
  }

  private String nodeId() {
    return swarm.cluster().map(SwarmCluster::nodeId).orElse("");
  }

  private static InetAddress anyAddress() {
    try {
      return InetAddress.getByName("0.0.0.0");
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    services.close();
    runtime.close();
    ServiceIngress i = ingress;
    if (i != null) {
      i.close();
    }
    LoadBalancer l = lb;
    if (l != null) {
      l.close();
    }
  }
}
