package org.enginelite.engine.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.enginelite.driver.state.StateStore;

/** The running engine as extensions see it. */
public interface EngineContext {

  /** The engine's one transactional store. */
  StateStore store();

  /** {@code --data-root}: persistent state (the store, images, container upper dirs, volumes). */
  Path dataRoot();

  /** {@code --exec-root}: runtime state gone after a reboot (bundles, netns files, the socket). */
  Path execRoot();

  Containers containers();

  /** The daemon's {@code --default-address-pool} values as given ({@code base=10.10.0.0/16,size=24}), in order. */
  default List<String> defaultAddressPools() {
    return List.of();
  }

  /** The engine's JSON mapper (Docker field names as given by each record's annotations). */
  ObjectMapper json();

  /**
   * Registers a listener called after each container exit is recorded, on the engine's exit thread, before the
   * restart policy acts. Listeners must not block for long.
   */
  void onExit(Consumer<ContainerExit> listener);
}
