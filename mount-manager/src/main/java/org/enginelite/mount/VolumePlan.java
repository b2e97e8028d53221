package org.enginelite.mount;

import java.util.Map;
import java.util.Objects;
import org.enginelite.driver.volume.VolumeNames;

/**
 * A volume mounted into the container. The volume is created at container create when it does not exist, with
 * {@link #driver()}, {@link #driverOptions()} and {@link #labels()}.
 *
 * @param anonymous created for this container (a 64-hex name); {@code rm -v} removes it
 * @param noCopy do not copy the image's files at {@link #target()} into the volume when it is empty
 */
public record VolumePlan(
    String name, boolean anonymous, String driver, Map<String, String> driverOptions, Map<String, String> labels,
    String target, boolean readOnly, boolean noCopy, String mode) implements MountPlan {
  public VolumePlan {
    VolumeNames.check(name);
    driver = driver == null || driver.isEmpty() ? "local" : driver;
    driverOptions = Map.copyOf(Objects.requireNonNullElse(driverOptions, Map.of()));
    labels = Map.copyOf(Objects.requireNonNullElse(labels, Map.of()));
    mode = Objects.requireNonNullElse(mode, "");
  }

  @Override
  public MountType type() {
    return MountType.VOLUME;
  }

  @Override
  public MountPlan inherited(Boolean ro) {
    return ro == null ? this
        : new VolumePlan(name, anonymous, driver, driverOptions, labels, target, ro, noCopy, ro ? "ro" : "rw");
  }
}
