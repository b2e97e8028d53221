package org.enginelite.driver.volume;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enginelite.driver.InvalidParameterException;

/**
 * The options of Docker's {@code local} driver, parsed once from {@code --opt k=v}: {@code type} (a filesystem type
 * for mount(2), {@code none} for a bind), {@code o} (comma-separated mount options) and {@code device}.
 * {@code type=tmpfs} needs no device. Without any option the volume is a plain directory.
 *
 * @param type filesystem type or empty for a plain directory
 * @param mountOptions the entries of {@code o} in order
 * @param device what to mount: a block device, a host directory for {@code none}, {@code tmpfs} for tmpfs
 */
public record LocalVolumeOptions(String type, List<String> mountOptions, String device) {
  private static final Set<String> KEYS = Set.of("type", "o", "device");

  public LocalVolumeOptions {
    type = type == null ? "" : type;
    device = device == null ? "" : device;
    mountOptions = List.copyOf(mountOptions);
  }

  public static final LocalVolumeOptions NONE = new LocalVolumeOptions("", List.of(), "");

  /** Parses and validates Docker's option map; messages as Docker's local driver. */
  public static LocalVolumeOptions parse(Map<String, String> options) {
    if (options == null || options.isEmpty()) {
      return NONE;
    }
    for (String key : options.keySet().stream().sorted().toList()) {
      if (!KEYS.contains(key)) {
        throw new InvalidParameterException("invalid option: \"" + key + "\"");
      }
    }
    String type = options.getOrDefault("type", "").trim();
    String o = options.getOrDefault("o", "").trim();
    String device = options.getOrDefault("device", "").trim();
    if (type.isEmpty()) {
      throw new InvalidParameterException("missing required option: \"type\"");
    }
    if (!type.matches("[a-z0-9_.]+")) {
      throw new InvalidParameterException("invalid option type: \"" + type + "\"");
    }
    List<String> mountOptions = o.isEmpty() ? List.of() : Arrays.stream(o.split(",")).map(String::trim).toList();
    if (mountOptions.stream().anyMatch(String::isEmpty)) {
      throw new InvalidParameterException("invalid option o: \"" + o + "\" has an empty entry");
    }
    if (type.equals("tmpfs")) {
      return new LocalVolumeOptions(type, mountOptions, device.isEmpty() ? "tmpfs" : device);
    }
    if (device.isEmpty()) {
      throw new InvalidParameterException("missing required option: \"device\"");
    }
    if (isBind(type, mountOptions) && !device.startsWith("/")) {
      throw new InvalidParameterException("invalid option device: \"" + device + "\" must be an absolute path");
    }
    return new LocalVolumeOptions(type, mountOptions, device);
  }

  /** True when the volume is a plain directory under the volumes folder. */
  public boolean isPlainDirectory() {
    return type.isEmpty();
  }

  /** True for {@code type=none o=bind}: the device is a host directory bound over the volume's data folder. */
  public boolean isBind() {
    return isBind(type, mountOptions);
  }

  private static boolean isBind(String type, List<String> mountOptions) {
    return mountOptions.contains("bind") || mountOptions.contains("rbind") || type.equals("none");
  }
}
