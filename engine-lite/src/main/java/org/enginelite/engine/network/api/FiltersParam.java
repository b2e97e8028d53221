package org.enginelite.engine.network.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;

/**
 * The {@code filters} query parameter: JSON {@code {"name":{"web":true}}}, or the older
 * {@code {"name":["web"]}} that some clients still send.
 */
public final class FiltersParam {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FiltersParam() {}

  public static Map<String, List<String>> parse(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException("invalid filter: " + e.getOriginalMessage());
    }
    if (!root.isObject()) {
      throw new InvalidParameterException("invalid filter: expected a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      List<String> values = new ArrayList<>();
      JsonNode v = field.getValue();
      if (v.isObject()) {
        v.fields().forEachRemaining(e -> {
          if (e.getValue().asBoolean()) {
            values.add(e.getKey());
          }
        });
      } else if (v.isArray()) {
        v.forEach(x -> values.add(x.asText()));
      } else {
        throw new InvalidParameterException("invalid filter: value of '" + field.getKey() + "' must be a map");
      }
      out.put(field.getKey(), values);
    }
    return out;
  }
}
