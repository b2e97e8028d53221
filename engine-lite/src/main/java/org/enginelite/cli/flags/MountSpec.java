package org.enginelite.cli.flags;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.enginelite.cli.CliException;
import org.enginelite.cli.api.MountJson;
import org.enginelite.engine.service.ResourceLimits;

/**
 * {@code --mount type=volume|bind|tmpfs,source=,target=,readonly,...} as the docker CLI's opts.MountOpt reads
 * it: comma-separated key=value fields, type volume when none is given, with its error messages.
 */
public final class MountSpec {

  private MountSpec() {}

  public static MountJson parse(String value) {
    String type = "volume";
    String source = null;
    String target = null;
    Boolean readOnly = null;
    String propagation = null;
    Boolean noCopy = null;
    Map<String, String> volumeLabels = new LinkedHashMap<>();
    Map<String, String> volumeOpts = new LinkedHashMap<>();
    String volumeDriver = null;
    Long tmpfsSize = null;
    Integer tmpfsMode = null;
    for (String field : value.split(",")) {
      String f = field.trim();
      if (f.isEmpty()) {
        continue;
      }
      int eq = f.indexOf('=');
      String key = (eq < 0 ? f : f.substring(0, eq)).toLowerCase(Locale.ROOT);
      String val = eq < 0 ? null : f.substring(eq + 1);
      if (val == null) {
        switch (key) {
          case "readonly", "ro" -> readOnly = true;
          case "volume-nocopy" -> noCopy = true;
          default -> throw new CliException("invalid field '" + f + "' must be a key=value pair");
        }
        continue;
      }
      switch (key) {
        case "type" -> type = val.toLowerCase(Locale.ROOT);
        case "source", "src" -> source = val;
        case "target", "dst", "destination" -> target = val;
        case "readonly", "ro" -> readOnly = bool(key, val);
        case "bind-propagation" -> propagation = val.toLowerCase(Locale.ROOT);
        case "volume-nocopy" -> noCopy = bool(key, val);
        case "volume-label" -> KeyValues.put(volumeLabels, val);
        case "volume-driver" -> volumeDriver = val;
        case "volume-opt" -> KeyValues.put(volumeOpts, val);
        case "tmpfs-size" -> tmpfsSize = ResourceLimits.parseMemoryBytes(val, "--mount");
        case "tmpfs-mode" -> tmpfsMode = octal(val);
        default -> throw new CliException("unexpected key '" + key + "' in '" + f + "'");
      }
    }
    if (!type.equals("volume") && !type.equals("bind") && !type.equals("tmpfs")) {
      throw new CliException("invalid argument \"" + value + "\" for \"--mount\" flag: unknown mount type \""
          + type + "\"");
    }
    if (target == null || target.isEmpty()) {
      throw new CliException("invalid argument \"" + value + "\" for \"--mount\" flag: target is required");
    }
    MountJson.BindOptions bind = propagation == null ? null : new MountJson.BindOptions(propagation);
    MountJson.VolumeOptions volume = noCopy == null && volumeLabels.isEmpty() && volumeOpts.isEmpty()
        && volumeDriver == null ? null : new MountJson.VolumeOptions(noCopy, volumeLabels.isEmpty() ? null
            : volumeLabels, volumeDriver == null && volumeOpts.isEmpty() ? null
            : new MountJson.DriverConfig(volumeDriver, volumeOpts.isEmpty() ? null : volumeOpts));
    MountJson.TmpfsOptions tmpfs = tmpfsSize == null && tmpfsMode == null ? null
        : new MountJson.TmpfsOptions(tmpfsSize, tmpfsMode);
    if (!type.equals("bind") && bind != null || !type.equals("volume") && volume != null
        || !type.equals("tmpfs") && tmpfs != null) {
      throw new CliException("invalid argument \"" + value + "\" for \"--mount\" flag: options given do not"
          + " match the mount type " + type);
    }
    return new MountJson(type, source, target, readOnly, bind, volume, tmpfs);
  }

  private static boolean bool(String key, String val) {
    return switch (val.toLowerCase(Locale.ROOT)) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> throw new CliException("invalid value for " + key + ": " + val);
    };
  }

  private static int octal(String val) {
    try {
      return Integer.parseInt(val, 8);
    } catch (NumberFormatException e) {
      throw new CliException("invalid value for tmpfs-mode: " + val);
    }
  }
}
