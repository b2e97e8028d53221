package org.enginelite.engine.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enginelite.driver.DriverException;
import org.enginelite.driver.state.StateStore;
import org.enginelite.driver.volume.LocalVolumeOptions;
import org.enginelite.driver.volume.Volume;
import org.enginelite.driver.volume.VolumeSpec;
import org.enginelite.engine.spi.ContainerContext;
import org.enginelite.engine.spi.ContainerSetupStep;
import org.enginelite.engine.volume.api.MountPointJson;
import org.enginelite.mount.BindPlan;
import org.enginelite.mount.ContainerMounts;
import org.enginelite.mount.HostBindSources;
import org.enginelite.mount.ImageContentCopier;
import org.enginelite.mount.MountPlan;
import org.enginelite.mount.MountPlanner;
import org.enginelite.mount.MountPoint;
import org.enginelite.mount.OciMount;
import org.enginelite.mount.VolumePlan;
import org.enginelite.mount.volume.VolumeService;

/**
 * A container's mounts through its life: validated at create before anything exists; volumes created (when
 * missing) and referenced in the container's own transaction, with the plan stored beside the container; at
 * start each volume mounted by its driver, empty volumes filled from the image once, and every mount handed to
 * the OCI spec; volumes released at stop; references dropped at removal, and anonymous volumes removed by
 * {@code rm -v}.
 */
final class VolumeSetupStep implements ContainerSetupStep {
  private static final Logger LOG = Logger.getLogger(VolumeSetupStep.class.getName());

  private final VolumeService volumes;
  private final MountPlanner planner;
  private final StateStore store;
  private final ObjectMapper json;

  VolumeSetupStep(VolumeService volumes, MountPlanner planner, StateStore store, ObjectMapper json) {
    this.volumes = volumes;
    this.planner = planner;
    this.store = store;
    this.json = json;
  }

  @Override
  public String name() {
    return "volumes";
  }

  @Override
  public void validate(ContainerContext c) {
    for (MountPlan plan : plan(c)) {
      if (plan instanceof VolumePlan v) {
        volumes.driver(v.driver());
        if (volumes.find(v.name()).isEmpty() && v.driver().equals("local")) {
          LocalVolumeOptions.parse(v.driverOptions());
        }
      }
    }
  }

  @Override
  public void create(ContainerContext c) {
    List<MountPlan> plans = plan(c);
    List<JsonNode> inspect = new ArrayList<>();
    for (MountPlan plan : plans) {
      String hostPath = null;
      if (plan instanceof VolumePlan v) {
        Volume volume = volumes.create(v.driver(),
            new VolumeSpec(v.name(), v.driverOptions(), v.labels(), v.anonymous()));
        volumes.reference(v.name(), c.id());
        hostPath = volume.mountpoint().toString();
      }
      MountPoint.of(plan, hostPath).ifPresent(m -> inspect.add(json.valueToTree(MountPointJson.of(m))));
    }
    store.put(ContainerMounts.BUCKET, c.id(), ContainerMounts.of(plans));
    JsonNode mounts = json.valueToTree(inspect);
    c.putInspectField("Mounts", mounts);
    c.putSummaryField("Mounts", mounts);
  }

  @Override
  public void start(ContainerContext c) {
    Optional<ContainerMounts> stored = mounts(c.id());
    if (stored.isEmpty()) {
      return;
    }
    ContainerMounts mounts = stored.get();
    try {
      for (MountPlan plan : mounts.all()) {
        c.addMount(toOci(c, plan, mounts.populated()));
      }
    } catch (RuntimeException e) {
      // The engine undoes only steps that finished; this one releases what it mounted itself.
      stopped(c);
      throw e;
    }
    if (!mounts.populated()) {
      store.put(ContainerMounts.BUCKET, c.id(), mounts.withPopulated());
    }
  }

  private org.enginelite.engine.spi.OciMount toOci(ContainerContext c, MountPlan plan, boolean populated) {
    String hostPath = null;
    if (plan instanceof VolumePlan v) {
      Path data = volumes.driver(v.driver()).mount(v.name(), c.id());
      if (!populated && !v.noCopy()) {
        ImageContentCopier.copyIfEmpty(c.imageRootfs(), v.target(), data);
      }
      hostPath = data.toString();
    } else if (plan instanceof BindPlan b) {
      HostBindSources.ensure(b);
    }
    OciMount m = OciMount.of(plan, hostPath);
    return new org.enginelite.engine.spi.OciMount(m.destination(), m.type(), m.source(), m.options());
  }

  @Override
  public void stopped(ContainerContext c) {
    mounts(c.id()).ifPresent(m -> m.volumes().forEach(v -> release(v, c.id())));
  }

  @Override
  public void reattach(ContainerContext c) {
    mounts(c.id()).ifPresent(m -> m.volumes().forEach(v -> volumes.driver(v.driver()).mount(v.name(), c.id())));
  }

  @Override
  public void remove(ContainerContext c, boolean removeVolumes) {
    Optional<ContainerMounts> stored = mounts(c.id());
    if (stored.isEmpty()) {
      return;
    }
    List<String> anonymous = new ArrayList<>();
    for (VolumePlan v : stored.get().volumes()) {
      release(v, c.id());
      volumes.release(v.name(), c.id());
      if (v.anonymous()) {
        anonymous.add(v.name());
      }
    }
    store.delete(ContainerMounts.BUCKET, c.id());
    if (removeVolumes) {
      // After commit: the references dropped above must be durable before data goes, and a rollback must not
      // leave a record whose data is already deleted.
      store.afterCommit(() -> anonymous.forEach(this::removeQuietly));
    }
  }

  private void release(VolumePlan v, String containerId) {
    try {
      volumes.driver(v.driver()).unmount(v.name(), containerId);
    } catch (DriverException e) {
      LOG.log(Level.WARNING, "release volume " + v.name() + " for " + containerId + ": " + e.getMessage());
    }
  }

  private void removeQuietly(String name) {
    try {
      volumes.remove(name, true);
    } catch (DriverException e) {
      // still used by another container (--volumes-from): Docker leaves it too
      LOG.info("anonymous volume " + name + " kept: " + e.getMessage());
    }
  }

  private List<MountPlan> plan(ContainerContext c) {
    return planner.plan(MountRequestReader.read(c.createRequest(), c.hostConfig()));
  }

  Optional<ContainerMounts> mounts(String containerId) {
    return store.get(ContainerMounts.BUCKET, containerId, ContainerMounts.class);
  }
}
