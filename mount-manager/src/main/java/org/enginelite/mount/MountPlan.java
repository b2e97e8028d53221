package org.enginelite.mount;

/**
 * One validated mount of a container: a volume, a host directory or a tmpfs, at an absolute, normalized
 * {@link #target()}. Plans are records, stored with the container so a restart mounts the same things.
 */
public sealed interface MountPlan permits VolumePlan, BindPlan, TmpfsPlan {
  /** Absolute path inside the container. */
  String target();

  boolean readOnly();

  MountType type();

  /** The {@code Mode} shown by inspect: what the user typed after the second colon of {@code -v}. */
  String mode();

  /** The same plan seen through {@code --volumes-from x:ro|rw}; null keeps the access mode. */
  MountPlan inherited(Boolean readOnly);
}
