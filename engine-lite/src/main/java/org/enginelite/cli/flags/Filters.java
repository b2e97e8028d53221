package org.enginelite.cli.flags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.CliException;
import org.enginelite.cli.DaemonClient;
import org.enginelite.cli.Json;

/** {@code --filter key=value} flags as the {@code filters} query parameter: {"name":{"web":true}}. */
public final class Filters {

  private Filters() {}

  public static Map<String, Map<String, Boolean>> parse(List<String> values) {
    Map<String, Map<String, Boolean>> out = new LinkedHashMap<>();
    for (String v : values == null ? List.<String>of() : values) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        throw new CliException("bad format of filter (expected name=value)");
      }
      out.computeIfAbsent(v.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT),
          k -> new LinkedHashMap<>()).put(v.substring(eq + 1).trim(), true);
    }
    return out;
  }

  /** "&filters=..." for a query string, or "" when there are none. */
  public static String query(Map<String, Map<String, Boolean>> filters) {
    if (filters.isEmpty()) {
      return "";
    }
    try {
      return "filters=" + DaemonClient.enc(Json.mapper().writeValueAsString(filters));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
