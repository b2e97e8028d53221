package org.enginelite.mount;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of Docker's {@code HostConfig.Mounts} (what {@code --mount} sends), as typed by the user and not yet
 * validated: {@code type} stays a string so an unknown type can be reported as given.
 *
 * @param bind {@code BindOptions}, or null
 * @param volume {@code VolumeOptions}, or null
 * @param tmpfs {@code TmpfsOptions}, or null
 */
public record MountSpec(
    String type, String source, String target, boolean readOnly, BindOptions bind, VolumeOptions volume,
    TmpfsOptions tmpfs) {
  public MountSpec {
    type = Objects.requireNonNullElse(type, "");
    source = Objects.requireNonNullElse(source, "");
    target = Objects.requireNonNullElse(target, "");
  }

  /** {@code BindOptions}: propagation as typed (empty for the default) and {@code NonRecursive}. */
  public record BindOptions(String propagation, boolean nonRecursive) {
    public BindOptions {
      propagation = Objects.requireNonNullElse(propagation, "");
    }
  }

  /** {@code VolumeOptions}: {@code NoCopy}, {@code Labels}, {@code DriverConfig.Name/Options}. */
  public record VolumeOptions(
      boolean noCopy, Map<String, String> labels, String driver, Map<String, String> driverOptions) {
    public VolumeOptions {
      labels = Map.copyOf(Objects.requireNonNullElse(labels, Map.of()));
      driver = Objects.requireNonNullElse(driver, "");
      driverOptions = Map.copyOf(Objects.requireNonNullElse(driverOptions, Map.of()));
    }
  }

  /** {@code TmpfsOptions}: size in bytes (0 for no limit) and mode (0 for the default 1777). */
  public record TmpfsOptions(long sizeBytes, int mode) {}
}
