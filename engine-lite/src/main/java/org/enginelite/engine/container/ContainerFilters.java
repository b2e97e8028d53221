package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.enginelite.driver.InvalidParameterException;

/**
 * The {@code filters} of {@code GET /containers/json}: label (key or key=value, all must match), name (regex on
 * the name), id (prefix), status. Values of one filter are alternatives; different filters must all match.
 */
public record ContainerFilters(Map<String, List<String>> filters) {
  private static final Set<String> SUPPORTED = Set.of("label", "name", "id", "status");
  private static final Set<String> STATUSES =
      Set.of("created", "restarting", "running", "removing", "paused", "exited", "dead");

  /** Docker sends {@code {"label":{"a=b":true}}}; older clients {@code {"label":["a=b"]}}. */
  public static ContainerFilters parse(JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (!SUPPORTED.contains(e.getKey())) {
        throw new InvalidParameterException("invalid filter '" + e.getKey() + "'");
      }
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else {
        e.getValue().fields().forEachRemaining(v -> {
          if (v.getValue().asBoolean(true)) {
            values.add(v.getKey());
          }
        });
      }
      if (e.getKey().equals("status")) {
        values.stream().filter(v -> !STATUSES.contains(v)).findFirst().ifPresent(v -> {
          throw new InvalidParameterException("invalid filter 'status=" + v + "'");
        });
      }
      out.put(e.getKey(), values);
    });
    return new ContainerFilters(out);
  }

  public static ContainerFilters labels(Map<String, String> labels) {
    List<String> values = new ArrayList<>();
    labels.forEach((k, v) -> values.add(v == null ? k : k + "=" + v));
    return new ContainerFilters(Map.of("label", values));
  }

  public boolean hasStatus() {
    return filters.containsKey("status");
  }

  boolean matches(ContainerRecord r) {
    Map<String, String> labels = ContainerJson.labels(r);
    for (String l : filters.getOrDefault("label", List.of())) {
      int eq = l.indexOf('=');
      String key = eq < 0 ? l : l.substring(0, eq);
      if (!labels.containsKey(key) || (eq >= 0 && !labels.get(key).equals(l.substring(eq + 1)))) {
        return false;
      }
    }
    return anyMatch("name", v -> nameMatches(v, r.name()))
        && anyMatch("id", v -> r.id().startsWith(v))
        && anyMatch("status", v -> v.equals(r.state().status()));
  }

  private boolean anyMatch(String filter, java.util.function.Predicate<String> test) {
    List<String> values = filters.get(filter);
    return values == null || values.isEmpty() || values.stream().anyMatch(test);
  }

  private static boolean nameMatches(String filter, String name) {
    try {
      return Pattern.compile(filter.startsWith("/") ? filter.substring(1) : filter).matcher(name).find();
    } catch (PatternSyntaxException e) {
      return name.contains(filter);
    }
  }
}
