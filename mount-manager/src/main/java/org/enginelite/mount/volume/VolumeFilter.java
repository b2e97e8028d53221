package org.enginelite.mount.volume;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.volume.Volume;

/**
 * The filters of {@code GET /volumes} and {@code POST /volumes/prune}: {@code dangling}, {@code name} (substring),
 * {@code label} ({@code key} or {@code key=value}), {@code driver}. Values of one key are alternatives; keys are
 * combined, as in Docker.
 *
 * @param dangling null when not filtered
 */
public record VolumeFilter(Boolean dangling, List<String> names, List<String> labels, List<String> drivers) {
  private static final Set<String> KEYS = Set.of("dangling", "name", "label", "driver");
  public static final VolumeFilter NONE = new VolumeFilter(null, List.of(), List.of(), List.of());

  public VolumeFilter {
    names = List.copyOf(names);
    labels = List.copyOf(labels);
    drivers = List.copyOf(drivers);
  }

  /** From Docker's decoded {@code filters} (key to values); unknown keys are refused as Docker does. */
  public static VolumeFilter of(Map<String, List<String>> filters) {
    for (String key : filters.keySet()) {
      if (!KEYS.contains(key) && !key.equals("all")) {
        throw new InvalidParameterException("invalid filter '" + key + "'");
      }
    }
    Boolean dangling = null;
    for (String v : filters.getOrDefault("dangling", List.of())) {
      dangling = switch (v.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "1" -> Boolean.TRUE;
        case "false", "0" -> Boolean.FALSE;
        default -> throw new InvalidParameterException("invalid filter 'dangling=" + v + "'");
      };
    }
    return new VolumeFilter(dangling, filters.getOrDefault("name", List.of()),
        filters.getOrDefault("label", List.of()), filters.getOrDefault("driver", List.of()));
  }

  public boolean matches(Volume v, boolean inUse) {
    if (dangling != null && dangling == inUse) {
      return false;
    }
    if (!names.isEmpty() && names.stream().noneMatch(n -> v.name().contains(n))) {
      return false;
    }
    if (!drivers.isEmpty() && !drivers.contains(v.driver())) {
      return false;
    }
    return labels.stream().allMatch(l -> hasLabel(v, l));
  }

  private static boolean hasLabel(Volume v, String filter) {
    int eq = filter.indexOf('=');
    if (eq < 0) {
      return v.labels().containsKey(filter);
    }
    return Objects.equals(v.labels().get(filter.substring(0, eq)), filter.substring(eq + 1));
  }
}
