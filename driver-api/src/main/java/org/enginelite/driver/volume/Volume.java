package org.enginelite.driver.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A volume as a driver reports it: what {@code volume inspect} shows.
 *
 * @param mountpoint host directory holding the data ({@code <data-root>/volumes/<name>/_data} for local)
 * @param options the driver options as the user gave them, shown back unchanged
 * @param anonymous created for a container without a name
 */
public record Volume(
    String name, String driver, Path mountpoint, Instant createdAt, Map<String, String> labels,
    Map<String, String> options, VolumeDriver.Scope scope, boolean anonymous) {
  public Volume {
    VolumeNames.check(name);
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(mountpoint, "mountpoint");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(scope, "scope");
    labels = Map.copyOf(Objects.requireNonNullElse(labels, Map.of()));
    options = Map.copyOf(Objects.requireNonNullElse(options, Map.of()));
  }
}
