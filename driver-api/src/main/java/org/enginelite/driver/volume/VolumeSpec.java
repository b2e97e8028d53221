package org.enginelite.driver.volume;

import java.util.Map;
import java.util.Objects;

/**
 * What a user asked for: a validated volume name, the driver's options as typed ({@code --opt k=v}) and labels.
 * Each driver parses {@code options} into its own typed record when it accepts the spec.
 *
 * @param anonymous true for volumes created for a container without a name (removed by {@code rm -v})
 */
public record VolumeSpec(String name, Map<String, String> options, Map<String, String> labels, boolean anonymous) {
  public VolumeSpec {
    VolumeNames.check(name);
    options = Map.copyOf(Objects.requireNonNullElse(options, Map.of()));
    labels = Map.copyOf(Objects.requireNonNullElse(labels, Map.of()));
  }

  public static VolumeSpec named(String name) {
    return new VolumeSpec(name, Map.of(), Map.of(), false);
  }

  /** A fresh anonymous volume with a random 64-hex name. */
  public static VolumeSpec newAnonymous() {
    return new VolumeSpec(VolumeNames.anonymousName(), Map.of(), Map.of(), true);
  }
}
