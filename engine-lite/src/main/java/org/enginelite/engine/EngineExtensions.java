package org.enginelite.engine;

import java.util.List;
import org.enginelite.engine.dns.DnsExtension;
import org.enginelite.engine.network.NetworksExtension;
import org.enginelite.engine.spi.EngineContext;
import org.enginelite.engine.spi.EngineExtension;

/**
 * The one list of features plugged into the daemon. Order matters: setup steps run in this order at start and
 * in reverse when undoing. Add one line per feature.
 */
public final class EngineExtensions {
  private EngineExtensions() {}

  public static List<EngineExtension> all(EngineContext engine) {
    NetworksExtension networks = NetworksExtension.create(engine);
    return List.of(
        networks,
        new DnsExtension(networks.containerNetworking(), networks.networks().store()),
        new org.enginelite.engine.volume.VolumeExtension(engine),
        new org.enginelite.engine.swarm.SwarmExtension(engine, org.enginelite.engine.routes.SystemRoutes.VERSION)
    );
  }
}
