package org.enginelite.engine.network;

import org.enginelite.engine.spi.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.enginelite.driver.InvalidParameterException;

/**
 * The {@code filters} of GET /networks and POST /networks/prune, with Docker's matching rules: {@code name} and
 * {@code id} are unanchored regular expressions, {@code driver}, {@code scope} and {@code type} are exact,
 * {@code label} is {@code key} or {@code key=value}, {@code dangling} keeps networks without endpoints.
 * Several values of one filter are alternatives; different filters must all hold.
 */
public final class NetworkFilters {
  private static final Set<String> LIST_KEYS =
      Set.of("name", "id", "driver", "label", "type", "scope", "dangling");
  private static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "until");

  private final Map<String, List<String>> filters;

  private NetworkFilters(Map<String, List<String>> filters) {
    this.filters = Map.copyOf(filters);
  }

  /** Filters of GET /networks; unknown keys are refused as Docker does. */
  public static NetworkFilters forList(Map<String, List<String>> filters) {
    check(filters, LIST_KEYS);
    for (String t : filters.getOrDefault("type", List.of())) {
      if (!t.equals("custom") && !t.equals("builtin")) {
        throw new InvalidParameterException("invalid filter: 'type'='" + t + "'");
      }
    }
    return new NetworkFilters(filters);
  }

  /** Filters of POST /networks/prune. */
  public static NetworkFilters forPrune(Map<String, List<String>> filters) {
    check(filters, PRUNE_KEYS);
    return new NetworkFilters(filters);
  }

  private static void check(Map<String, List<String>> filters, Set<String> allowed) {
    for (String key : filters.keySet()) {
      if (!allowed.contains(key)) {
        throw new InvalidParameterException("invalid filter '" + key + "'");
      }
    }
  }

  /** True when {@code n} (having {@code endpointCount} endpoints) passes every filter. */
  public boolean matches(NetworkRecord n, int endpointCount) {
    return anyMatches("name", v -> regex(v, n.name()))
        && anyMatches("id", v -> regex(v, n.id()))
        && anyMatches("driver", v -> v.equals(n.driver()))
        && anyMatches("scope", v -> v.equals("local"))
        && anyMatches("type", v -> v.equals(n.predefined() ? "builtin" : "custom"))
        && anyMatches("dangling", v -> Boolean.parseBoolean(v) == (endpointCount == 0))
        && allMatch("label", v -> hasLabel(n.labels(), v))
        && allMatch("label!", v -> !hasLabel(n.labels(), v))
        && anyMatches("until", v -> createdBefore(n.created(), v));
  }

  private boolean anyMatches(String key, Predicate<String> test) {
    List<String> values = filters.get(key);
    return values == null || values.isEmpty() || values.stream().anyMatch(test);
  }

  private boolean allMatch(String key, Predicate<String> test) {
    List<String> values = filters.get(key);
    return values == null || values.stream().allMatch(test);
  }

  private static boolean regex(String pattern, String value) {
    try {
      return Pattern.compile(pattern).matcher(value).find();
    } catch (PatternSyntaxException e) {
      throw new InvalidParameterException("invalid filter pattern \"" + pattern + "\": " + e.getDescription());
    }
  }

  static boolean hasLabel(Map<String, String> labels, String filter) {
    int eq = filter.indexOf('=');
    if (eq < 0) {
      return labels.containsKey(filter);
    }
    return filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
  }

  private static boolean createdBefore(String created, String until) {
    Instant limit = Timestamps.parseUntil(until);
    return Instant.parse(created).isBefore(limit);
  }
}
