package org.enginelite.engine.volume;

import java.util.List;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.volume.Volume;
import org.enginelite.engine.spi.ContainerSetupStep;
import org.enginelite.engine.spi.EngineContext;
import org.enginelite.engine.spi.EngineExtension;
import org.enginelite.engine.spi.Routes;
import org.enginelite.engine.volume.api.VolumeRoutes;
import org.enginelite.mount.ContainerMounts;
import org.enginelite.mount.MountPlan;
import org.enginelite.mount.MountPlanner;
import org.enginelite.mount.volume.VolumeService;
import org.enginelite.volume.local.LocalVolumeDriver;

/**
 * Volumes and mounts: the {@code local} driver on {@code <data-root>/volumes}, the /volumes API, and the setup step
 * behind {@code -v}, {@code --mount}, {@code --tmpfs} and {@code --volumes-from}.
 */
public final class VolumeExtension implements EngineExtension {
  private final LocalVolumeDriver local;
  private final VolumeService volumes;
  private final VolumeSetupStep step;

  public VolumeExtension(EngineContext engine) {
    this.local = LocalVolumeDriver.open(engine.dataRoot().resolve("volumes"), engine.store());
    this.volumes = new VolumeService(engine.store(), List.of(local));
    MountPlanner planner = new MountPlanner(ref -> mountsOf(engine, ref));
    this.step = new VolumeSetupStep(volumes, planner, engine.store(), engine.json());
  }

  private static List<MountPlan> mountsOf(EngineContext engine, String ref) {
    String id = engine.containers().find(ref)
        .orElseThrow(() -> new NotFoundException("No such container: " + ref));
    return engine.store().get(ContainerMounts.BUCKET, id, ContainerMounts.class)
        .map(ContainerMounts::all).orElse(List.of());
  }

  public VolumeService volumes() {
    return volumes;
  }

  @Override
  public List<ContainerSetupStep> setupSteps() {
    return List.of(step);
  }

  @Override
  public void routes(Routes routes) {
    new VolumeRoutes(volumes).register(routes);
  }

  /**
   * After a crash, containers that died while the daemon was down never released their volumes: drop those
   * mounts (which also unmounts tmpfs and bind volumes nobody uses any more).
   */
  @Override
  public void started(EngineContext engine) {
    for (Volume v : local.list()) {
      for (String containerId : local.mountedBy(v.name())) {
        if (!isRunning(engine, containerId)) {
          local.unmount(v.name(), containerId);
        }
      }
    }
  }

  private static boolean isRunning(EngineContext engine, String containerId) {
    return engine.containers().find(containerId)
        .map(id -> engine.containers().inspect(id).path("State").path("Running").asBoolean())
        .orElse(false);
  }
}
