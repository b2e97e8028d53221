package org.enginelite.engine.spi;

/**
 * One named step of a container's life that an extension contributes (join networks, mount volumes, write
 * /etc/resolv.conf). Steps run in registration order; when one fails, the ones already done are undone in
 * reverse: a failed {@link #create} undoes with {@link #remove}, a failed {@link #start} with {@link #stopped}.
 * Failures are {@link org.enginelite.driver.DriverException}s; their kind becomes the HTTP status.
 */
public interface ContainerSetupStep {

  /** For messages and logs. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** At create, before anything exists: reject bad input here so nothing is half-created. */
  default void validate(ContainerContext container) {}

  /**
   * At create, inside the store transaction that writes the container record (allocate leases, take volume
   * references): store writes made here commit or roll back with the container.
   */
  default void create(ContainerContext container) {}

  /**
   * Before the process starts: the network namespace and the merged rootfs exist, the OCI spec is not yet
   * written. Configure the namespace, add mounts and environment, write files into the rootfs.
   */
  default void start(ContainerContext container) {}

  /** After the process has exited or was stopped (also when a start failed after this step's start). */
  default void stopped(ContainerContext container) {}

  /** After a daemon restart, for each container whose process is still running. */
  default void reattach(ContainerContext container) {}

  /** At removal: release what {@link #create} took. {@code removeVolumes} is {@code rm -v}. */
  default void remove(ContainerContext container, boolean removeVolumes) {}
}
