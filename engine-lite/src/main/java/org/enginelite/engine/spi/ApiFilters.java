package org.enginelite.engine.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    if (query == null || query.isBlank()) {
      return NONE;
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
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!allowed.contains(e.getKey())) {
        throw new InvalidParameterException("invalid filter '" + e.getKey() + "'");
      }
      Set<String> vs = new LinkedHashSet<>();
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
    return new ApiFilters(out);
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
