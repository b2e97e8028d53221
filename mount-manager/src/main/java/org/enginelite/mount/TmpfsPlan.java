package org.enginelite.mount;

import java.util.List;

/**
 * A tmpfs mounted inside the container's mount namespace, so it is gone when the container stops.
 *
 * @param options tmpfs options for the OCI spec ({@code size=65536k}, {@code mode=1777}, {@code noexec}…)
 * @param fromMountsApi given by {@code --mount type=tmpfs}; only those appear in inspect's {@code Mounts}, as in
 *     Docker
 */
public record TmpfsPlan(String target, List<String> options, boolean readOnly, boolean fromMountsApi)
    implements MountPlan {
  public TmpfsPlan {
    options = List.copyOf(options);
  }

  @Override
  public MountType type() {
    return MountType.TMPFS;
  }

  @Override
  public String mode() {
    return "";
  }

  @Override
  public MountPlan inherited(Boolean ro) {
    return this;
  }
}
