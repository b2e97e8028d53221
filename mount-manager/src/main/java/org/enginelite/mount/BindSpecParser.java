package org.enginelite.mount;

import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.volume.VolumeNames;

/**
 * Parses one {@code -v} / {@code HostConfig.Binds} entry as Docker does on Linux: {@code /path} is an anonymous
 * volume, {@code /host:/path[:mode]} a bind (a missing host directory is created at start), {@code name:/path[:mode]}
 * a named volume (created if missing). Anything not starting with {@code /} is a volume name, so a relative host
 * path fails the volume name rule with Docker's hint to use an absolute path.
 */
public final class BindSpecParser {
  private BindSpecParser() {}

  public static MountPlan parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw MountConfigException.invalidSpec(raw == null ? "" : raw);
    }
    String[] parts = raw.split(":", -1);
    String source;
    String target;
    String mode = "";
    switch (parts.length) {
      case 1 -> {
        source = "";
        target = parts[0];
      }
      case 2 -> {
        if (MountMode.isValid(parts[1])) {
          throw MountConfigException.invalidSpec(raw); // "/foo:ro": a mode without a destination
        }
        source = parts[0];
        target = parts[1];
      }
      case 3 -> {
        source = parts[0];
        target = parts[1];
        mode = parts[2];
      }
      default -> throw MountConfigException.invalidSpec(raw);
    }
    MountMode parsed = MountMode.parse(mode);
    boolean bind = source.startsWith("/");
    String type = bind ? "bind" : "volume";
    String cleanTarget;
    try {
      cleanTarget = Targets.check(type, target);
    } catch (MountConfigException e) {
      throw MountConfigException.invalidSpec(raw, e.getMessage());
    }
    if (bind) {
      if (parsed.noCopy()) {
        throw MountConfigException.invalidSpec(raw, "invalid mount config for type \"bind\": nocopy is only"
            + " supported for volumes");
      }
      return new BindPlan(Targets.checkSource(source), cleanTarget, parsed.readOnly(), parsed.propagation(), true,
          false, mode);
    }
    if (parsed.propagation() != null) {
      throw MountConfigException.invalidSpec(raw, "invalid mount config for type \"volume\": propagation is only"
          + " supported for binds");
    }
    if (source.isEmpty()) {
      return new VolumePlan(VolumeNames.anonymousName(), true, "local", Map.of(), Map.of(), cleanTarget,
          parsed.readOnly(), parsed.noCopy(), mode);
    }
    checkName(source);
    return new VolumePlan(source, false, "local", Map.of(), Map.of(), cleanTarget, parsed.readOnly(),
        parsed.noCopy(), mode.isEmpty() ? "z" : mode);
  }

  static void checkName(String name) {
    try {
      VolumeNames.check(name);
    } catch (InvalidParameterException e) {
      throw new MountConfigException(e.getMessage());
    }
  }
}
