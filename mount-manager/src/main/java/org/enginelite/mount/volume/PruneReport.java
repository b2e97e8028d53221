package org.enginelite.mount.volume;

import java.util.List;

/** What {@code volume prune} removed and how many bytes their data took. */
public record PruneReport(List<String> volumesDeleted, long spaceReclaimed) {
  public PruneReport {
    volumesDeleted = List.copyOf(volumesDeleted);
  }
}
