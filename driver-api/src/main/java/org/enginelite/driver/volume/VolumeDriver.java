package org.enginelite.driver.volume;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A volume driver: creates named storage, makes it available on the host while containers use it, removes it.
 * Containers never see the driver; the engine binds the host path returned by {@link #mount} into them.
 *
 * <p>Create is idempotent for an existing volume of this driver; remove refuses while any container has the volume
 * mounted through {@link #mount}. Which containers merely <em>refer</em> to a volume (stopped ones included) is the
 * engine's bookkeeping, not the driver's.
 */
public interface VolumeDriver {

  /** The driver name users pass as {@code -d}, e.g. {@code local}. */
  String name();

  /** Where this driver's volumes are visible: {@link Scope#LOCAL} for one host. */
  Scope scope();

  /** Creates the volume, or returns it unchanged when it exists already. */
  Volume create(VolumeSpec spec);

  /**
   * Removes the volume and its data. Throws {@link org.enginelite.driver.NotFoundException} when there is no such
   * volume and {@link org.enginelite.driver.ConflictException} while a container has it mounted.
   */
  void remove(String name);

  /**
   * Makes the volume's data available for {@code containerId} and returns the host path to bind into it. Safe to
   * repeat for the same container (after a daemon restart, for one).
   */
  Path mount(String name, String containerId);

  /** Releases the volume for {@code containerId}; the last release undoes what the first mount did. */
  void unmount(String name, String containerId);

  Optional<Volume> get(String name);

  /** All volumes of this driver, ordered by name. */
  List<Volume> list();

  /** How far a driver's volumes are shared. */
  enum Scope {
    LOCAL("local"),
    GLOBAL("global");

    private final String wireName;

    Scope(String wireName) {
      this.wireName = wireName;
    }

    /** The word Docker's API uses. */
    public String wireName() {
      return wireName;
    }
  }
}
