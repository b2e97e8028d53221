package org.enginelite.mount;

import java.util.Objects;

/**
 * A host directory bound into the container.
 *
 * @param createSource {@code -v} creates a missing source directory; {@code --mount} refuses one
 * @param nonRecursive bind only this mount, not the mounts below it
 */
public record BindPlan(
    String source, String target, boolean readOnly, Propagation propagation, boolean createSource,
    boolean nonRecursive, String mode) implements MountPlan {
  public BindPlan {
    Objects.requireNonNull(source, "source");
    propagation = Objects.requireNonNullElse(propagation, Propagation.RPRIVATE);
    mode = Objects.requireNonNullElse(mode, "");
  }

  @Override
  public MountType type() {
    return MountType.BIND;
  }

  @Override
  public MountPlan inherited(Boolean ro) {
    return ro == null ? this
        : new BindPlan(source, target, ro, propagation, createSource, nonRecursive, ro ? "ro" : "rw");
  }
}
