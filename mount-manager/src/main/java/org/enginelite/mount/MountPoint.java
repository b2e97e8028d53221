package org.enginelite.mount;

import java.util.Optional;

/**
 * One entry of container inspect's {@code Mounts}, field for field as Docker shows it: volumes name their driver,
 * binds their propagation, and only {@code --mount type=tmpfs} mounts are listed (not {@code --tmpfs}).
 */
public record MountPoint(
    String type, String name, String source, String destination, String driver, String mode, boolean rw,
    String propagation) {

  /** The inspect entry for {@code plan}, if Docker would list it; {@code hostPath} as in {@link OciMount#of}. */
  public static Optional<MountPoint> of(MountPlan plan, String hostPath) {
    if (plan instanceof VolumePlan v) {
      return Optional.of(new MountPoint("volume", v.name(), hostPath, v.target(), v.driver(), v.mode(),
          !v.readOnly(), ""));
    }
    if (plan instanceof BindPlan b) {
      return Optional.of(new MountPoint("bind", "", b.source(), b.target(), "", b.mode(), !b.readOnly(),
          b.propagation().wireName()));
    }
    TmpfsPlan t = (TmpfsPlan) plan;
    return t.fromMountsApi()
        ? Optional.of(new MountPoint("tmpfs", "", "", t.target(), "", "", !t.readOnly(), ""))
        : Optional.empty();
  }
}
