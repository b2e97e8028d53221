package org.enginelite.engine.network;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What networking needs to know of one container, whether it comes from a setup step's context or from the
 * containers API (network connect).
 *
 * @param netns the file the container's network namespace is pinned at
 */
public record ContainerHandle(String id, String name, ContainerNetworkConfig config, Path netns) {
  public ContainerHandle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }

  public String shortId() {
    return Ids.shortId(id);
  }
}
