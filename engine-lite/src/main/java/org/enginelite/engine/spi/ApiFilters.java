package org.enginelite.engine.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.enginelite.driver.InvalidParameterException;

/**
 * The {@code filters} query parameter of Docker's list endpoints: {@code {"label":{"a=b":true}}} (or the older
 * {@code {"label":["a=b"]}}). Values of one key are alternatives (any may match); different keys must all match,
 * except {@code label}, where every value must match, as in Docker.
 */
public final class ApiFilters {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Set<String>> values;

  private ApiFilters(Map<String, Set<String>> values) {
    this.values = values;
  }

  public static final ApiFilters NONE = new ApiFilters(Map.of());

  /** Parses the query parameter, accepting only {@code allowed} keys (Docker: "invalid filter 'x'"). */
  public static ApiFilters parse(String query, Set<String> allowed) {
    Map<String, List<String>> raw = values(query);
    if (raw.isEmpty()) {
      return NONE;
    }
    Map<String, Set<String>> out = new LinkedHashMap<>();
    raw.forEach((key, vs) -> {
      if (!allowed.contains(key)) {
        throw new InvalidParameterException("invalid filter '" + key + "'");
      }
      out.put(key, new LinkedHashSet<>(vs));
    });
    return new ApiFilters(out);
  }

  /** The query parameter as keys and their values, in order, for routes that check the keys themselves. */
  public static Map<String, List<String>> values(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query == null || query.isBlank()) {
      return out;
    }
    JsonNode root;
    try {
      root = JSON.readTree(query);
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException("invalid filters: " + e.getOriginalMessage());
    }
    if (!root.isObject()) {
      throw new InvalidParameterException("invalid filters: expected a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> vs = new ArrayList<>();
      JsonNode v = e.getValue();
      if (v.isArray()) {
        v.forEach(x -> vs.add(x.asText()));
      } else if (v.isObject()) {
        v.fields().forEachRemaining(x -> {
          if (x.getValue().asBoolean()) {
            vs.add(x.getKey());
          }
        });
      } else {
        vs.add(v.asText());
      }
      out.put(e.getKey(), vs);
    }
    return out;
  }

  public Set<String> get(String key) {
    return values.getOrDefault(key, Set.of());
  }

  /** True when the key is absent or one of its values satisfies {@code test}. */
  public boolean any(String key, Predicate<String> test) {
    Set<String> vs = values.get(key);
    return vs == null || vs.stream().anyMatch(test);
  }

  /** Every {@code label} value ("k" or "k=v") holds on {@code labels}. */
  public boolean labels(Map<String, String> labels) {
    for (String f : get("label")) {
      int eq = f.indexOf('=');
      String key = eq < 0 ? f : f.substring(0, eq);
      if (!labels.containsKey(key) || (eq >= 0 && !f.substring(eq + 1).equals(labels.get(key)))) {
        return false;
      }
    }
    return true;
  }
}
