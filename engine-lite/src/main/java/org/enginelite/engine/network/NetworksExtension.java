package org.enginelite.engine.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enginelite.driver.ipam.IpamDriver;
import org.enginelite.driver.network.NetworkDriver;
import org.enginelite.engine.network.api.NetworkRoutes;
import org.enginelite.ipam.DefaultAddressPools;
import org.enginelite.ipam.DefaultIpamDriver;
import org.enginelite.ipam.host.ProcHostNetworks;
import org.enginelite.net.bridge.BridgeNetworkDriver;
import org.enginelite.net.bridge.HostNamespace;
import org.enginelite.engine.spi.ContainerSetupStep;
import org.enginelite.engine.spi.EngineContext;
import org.enginelite.engine.spi.EngineExtension;
import org.enginelite.engine.spi.Routes;

/**
 * Networking plugged into the engine: the /networks API, the container setup step, and reconciliation with the
 * kernel at start. The predefined networks and the kernel objects of every stored network are ensured when the
 * extension is made, before the engine reattaches to containers that kept running.
 */
public final class NetworksExtension implements EngineExtension {
  private static final System.Logger LOG = System.getLogger(NetworksExtension.class.getName());

  private final EngineContext engine;
  private final NetworkService networks;
  private final ContainerNetworking networking;
  private final NetworkSettingsView view;
  private final NetworkReconciler reconciler;
  private final AutoCloseable resources;

  /**
   * The engine's networking on the default IPAM (Docker's default pools, skipping subnets the host uses) and the
   * bridge driver acting in the daemon's own network namespace.
   */
  public static NetworksExtension create(EngineContext engine) {
    HostNamespace host = HostNamespace.current();
    BridgeNetworkDriver bridge = new BridgeNetworkDriver(host);
    IpamDriver ipam = new DefaultIpamDriver(engine.store(),
        DefaultAddressPools.parse(engine.defaultAddressPools()), new ProcHostNetworks());
    return new NetworksExtension(engine, ipam, bridge, () -> {
      bridge.close();
      host.close();
    });
  }

  public NetworksExtension(EngineContext engine, IpamDriver ipam, NetworkDriver bridge, AutoCloseable resources) {
    this.engine = engine;
    this.resources = resources;
    NetworkStore store = new NetworkStore(engine.store());
    this.networks = new NetworkService(store, ipam, bridge);
    this.networking = new ContainerNetworking(networks, ipam, bridge);
    this.view = new NetworkSettingsView(store);
    this.reconciler = new NetworkReconciler(store, bridge, networking);
    networks.ensurePredefined();
    networks.restoreKernelObjects().forEach(f -> LOG.log(Level.WARNING, "cannot restore " + f));
  }

  public NetworkService networks() {
    return networks;
  }

  public ContainerNetworking containerNetworking() {
    return networking;
  }

  @Override
  public List<ContainerSetupStep> setupSteps() {
    return List.of(new NetworkSetupStep(networking, view, new NetlinkLoopbackUp(), engine.json()));
  }

  @Override
  public void routes(Routes routes) {
    new NetworkRoutes(networks, networking, engine.containers(), engine.execRoot().resolve("netns"),
        this::settingsChanged).register(routes);
  }

  /** Keeps a container's inspect and list data in step after a connect or disconnect. */
  private void settingsChanged(ContainerHandle c, boolean running) {
    var json = engine.json();
    NetworkSettingsView.Views views = view.all(c.id(), c.config(), running, c.netns().toString());
    engine.containers().putFields(c.id(),
        Map.of("NetworkSettings", json.valueToTree(views.inspect())),
        Map.of("NetworkSettings", json.valueToTree(views.summary()), "Ports", json.valueToTree(views.ports())));
  }

  @Override
  public void started(EngineContext ctx) {
    Set<String> existing = new HashSet<>();
    Set<String> running = new HashSet<>();
    for (ObjectNode c : ctx.containers().listByLabels(Map.of())) {
      existing.add(c.path("Id").asText());
      String state = c.path("State").asText();
      if (state.equals("running") || state.equals("paused")) {
        running.add(c.path("Id").asText());
      }
    }
    reconciler.reconcile(existing, running).forEach(line -> LOG.log(Level.INFO, line));
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing the network drivers: " + e);
    }
  }
}
