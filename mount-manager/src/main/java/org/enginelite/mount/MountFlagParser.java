package org.enginelite.mount;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;

/**
 * Parses the {@code --mount} flag ({@code type=volume,source=v,target=/data,readonly,volume-opt=k=v}) into a
 * {@link MountSpec} with the Docker CLI's keys and messages, for clients that do not send JSON themselves.
 */
public final class MountFlagParser {
  private MountFlagParser() {}

  public static MountSpec parse(String flag) {
    Builder b = new Builder();
    for (String field : flag.split(",", -1)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq < 0) {
        switch (key) {
          case "readonly", "ro" -> b.readOnly = true;
          case "volume-nocopy" -> b.noCopy = true;
          case "bind-nonrecursive" -> b.nonRecursive = true;
          default -> throw new InvalidParameterException(
              "invalid field '" + field + "' must be a key=value pair");
        }
        continue;
      }
      b.set(key, field.substring(eq + 1), field);
    }
    return b.build();
  }

  private static final class Builder {
    String type = "";
    String source = "";
    String target = "";
    boolean readOnly;
    boolean noCopy;
    boolean nonRecursive;
    String propagation = "";
    String driver = "";
    final Map<String, String> labels = new HashMap<>();
    final Map<String, String> driverOptions = new HashMap<>();
    long tmpfsSize;
    int tmpfsMode;
    boolean volumeKeys;
    boolean bindKeys;
    boolean tmpfsKeys;

    void set(String key, String value, String field) {
      switch (key) {
        case "type" -> type = value.toLowerCase(Locale.ROOT);
        case "source", "src" -> source = value;
        case "target", "dst", "destination" -> target = value;
        case "readonly", "ro" -> readOnly = bool(value, field);
        case "consistency" -> { } // macOS only
        case "bind-propagation" -> {
          bindKeys = true;
          propagation = value.toLowerCase(Locale.ROOT);
        }
        case "bind-nonrecursive" -> {
          bindKeys = true;
          nonRecursive = bool(value, field);
        }
        case "volume-nocopy" -> {
          volumeKeys = true;
          noCopy = bool(value, field);
        }
        case "volume-label" -> {
          volumeKeys = true;
          put(labels, value);
        }
        case "volume-driver" -> {
          volumeKeys = true;
          driver = value;
        }
        case "volume-opt" -> {
          volumeKeys = true;
          if (!value.contains("=")) {
            throw new InvalidParameterException("invalid value for " + key + ": " + value);
          }
          put(driverOptions, value);
        }
        case "tmpfs-size" -> {
          tmpfsKeys = true;
          tmpfsSize = ByteSize.parse(value);
        }
        case "tmpfs-mode" -> {
          tmpfsKeys = true;
          try {
            tmpfsMode = Integer.parseInt(value, 8);
          } catch (NumberFormatException e) {
            throw new InvalidParameterException("invalid value for " + key + ": " + value);
          }
        }
        default -> throw new InvalidParameterException("unexpected key '" + key + "' in '" + field + "'");
      }
    }

    MountSpec build() {
      if (type.isEmpty()) {
        throw new InvalidParameterException("type is required");
      }
      if (target.isEmpty()) {
        throw new InvalidParameterException("target is required");
      }
      mix(volumeKeys, "volume");
      mix(bindKeys, "bind");
      mix(tmpfsKeys, "tmpfs");
      return new MountSpec(type, source, target, readOnly,
          bindKeys || (nonRecursive && type.equals("bind")) ? new MountSpec.BindOptions(propagation, nonRecursive)
              : null,
          volumeKeys || (noCopy && type.equals("volume"))
              ? new MountSpec.VolumeOptions(noCopy, labels, driver, driverOptions) : null,
          tmpfsKeys ? new MountSpec.TmpfsOptions(tmpfsSize, tmpfsMode) : null);
    }

    private void mix(boolean present, String kind) {
      if (present && !type.equals(kind)) {
        throw new InvalidParameterException("cannot mix '" + kind + "-*' options with mount type '" + type + "'");
      }
    }

    private static boolean bool(String value, String field) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "1", "true" -> true;
        case "0", "false" -> false;
        default -> throw new InvalidParameterException("invalid value for " + field);
      };
    }

    private static void put(Map<String, String> map, String kv) {
      int eq = kv.indexOf('=');
      map.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
    }
  }
}
