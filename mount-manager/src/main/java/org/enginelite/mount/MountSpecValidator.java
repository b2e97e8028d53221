package org.enginelite.mount;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.enginelite.driver.volume.VolumeNames;

/**
 * Validates one {@code HostConfig.Mounts} entry and turns it into a plan, with Docker's checks and messages
 * ({@code invalid mount config for type "bind": bind source path does not exist: /x}). Unlike {@code -v}, a bind
 * source must already exist: the only host access here is that stat(2).
 */
public final class MountSpecValidator {
  private MountSpecValidator() {}

  public static MountPlan validate(MountSpec spec) {
    return switch (spec.type()) {
      case "bind" -> bind(spec);
      case "volume" -> volume(spec);
      case "tmpfs" -> tmpfs(spec);
      default -> throw MountConfigException.forType(spec.type(), "mount type unknown");
    };
  }

  private static MountPlan bind(MountSpec spec) {
    extra(spec, "bind", spec.volume() != null, "VolumeOptions");
    extra(spec, "bind", spec.tmpfs() != null, "TmpfsOptions");
    String target = Targets.check("bind", spec.target());
    String source = Targets.checkSource(spec.source());
    if (!Files.exists(Path.of(source))) {
      throw MountConfigException.forType("bind", "bind source path does not exist: " + source);
    }
    Propagation propagation = Propagation.RPRIVATE;
    boolean nonRecursive = false;
    if (spec.bind() != null) {
      String word = spec.bind().propagation();
      if (!word.isEmpty()) {
        propagation = Propagation.parse(word).orElseThrow(
            () -> MountConfigException.forType("bind", "invalid propagation mode: " + word));
      }
      nonRecursive = spec.bind().nonRecursive();
    }
    return new BindPlan(source, target, spec.readOnly(), propagation, false, nonRecursive, "");
  }

  private static MountPlan volume(MountSpec spec) {
    extra(spec, "volume", spec.bind() != null, "BindOptions");
    extra(spec, "volume", spec.tmpfs() != null, "TmpfsOptions");
    String target = Targets.check("volume", spec.target());
    MountSpec.VolumeOptions opts = spec.volume() != null ? spec.volume()
        : new MountSpec.VolumeOptions(false, Map.of(), "", Map.of());
    if (spec.source().isEmpty()) {
      if (spec.readOnly()) {
        throw MountConfigException.forType("volume", "must not set ReadOnly mode when using anonymous volumes");
      }
      return new VolumePlan(VolumeNames.anonymousName(), true, opts.driver(), opts.driverOptions(), opts.labels(),
          target, false, opts.noCopy(), "");
    }
    BindSpecParser.checkName(spec.source());
    return new VolumePlan(spec.source(), false, opts.driver(), opts.driverOptions(), opts.labels(), target,
        spec.readOnly(), opts.noCopy(), "");
  }

  private static MountPlan tmpfs(MountSpec spec) {
    extra(spec, "tmpfs", spec.bind() != null, "BindOptions");
    extra(spec, "tmpfs", spec.volume() != null, "VolumeOptions");
    if (!spec.source().isEmpty()) {
      throw MountConfigException.forType("tmpfs", "field Source must not be specified");
    }
    String target = Targets.check("tmpfs", spec.target());
    return TmpfsOptionsParser.fromMountSpec(target, spec.tmpfs(), spec.readOnly());
  }

  private static void extra(MountSpec spec, String type, boolean present, String field) {
    if (present) {
      throw MountConfigException.forType(type, "field " + field + " must not be specified");
    }
  }
}
