package org.enginelite.volume.local;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A local volume as stored in the state store (bucket {@value #BUCKET}, key = volume name).
 *
 * @param createdAtMillis creation time, epoch milliseconds
 * @param options the driver options exactly as given, re-parsed when mounting
 * @param mountedBy containers that currently have the volume mounted; the host mount lives while it is non-empty
 */
record LocalVolumeRecord(
    String name, long createdAtMillis, Map<String, String> labels, Map<String, String> options, boolean anonymous,
    Set<String> mountedBy) {
  static final String BUCKET = "volume.local";

  LocalVolumeRecord {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(Objects.requireNonNullElse(labels, Map.of()));
    options = Map.copyOf(Objects.requireNonNullElse(options, Map.of()));
    mountedBy = Set.copyOf(Objects.requireNonNullElse(mountedBy, Set.of()));
  }

  LocalVolumeRecord withMountedBy(Set<String> users) {
    return new LocalVolumeRecord(name, createdAtMillis, labels, options, anonymous, users);
  }

  /** Sorted, for messages that must read the same every time. */
  Set<String> sortedUsers() {
    return new TreeSet<>(mountedBy);
  }
}
