package org.enginelite.mount;

import java.util.List;

/** Finds the mounts of another container for {@code --volumes-from}; the engine answers from its store. */
@FunctionalInterface
public interface VolumesFromSource {
  /**
   * The plans of the container named or identified by {@code container}; throws
   * {@link org.enginelite.driver.NotFoundException} ({@code No such container: x}) when there is none.
   */
  List<MountPlan> mountsOf(String container);
}
