package org.enginelite.engine.spi;

import java.util.List;
import java.util.Objects;

/** One entry of the OCI spec's {@code mounts}: e.g. {@code new OciMount("/data", "bind", "/var/lib/..", List.of("rbind", "rw"))}. */
public record OciMount(String destination, String type, String source, List<String> options) {
  public OciMount {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    if (!destination.startsWith("/")) {
      throw new IllegalArgumentException("mount destination must be absolute: " + destination);
    }
    options = options == null ? List.of() : List.copyOf(options);
  }
}
