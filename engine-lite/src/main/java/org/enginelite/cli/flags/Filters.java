package org.enginelite.cli.flags;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
    // Written with jackson-core's generator: ps --filter stays off jackson-databind (see Json).
    StringWriter json = new StringWriter();
    try (JsonGenerator g = Json.factory().createGenerator(json)) {
      g.writeStartObject();
      for (Map.Entry<String, Map<String, Boolean>> key : filters.entrySet()) {
        g.writeObjectFieldStart(key.getKey());
        for (Map.Entry<String, Boolean> value : key.getValue().entrySet()) {
          g.writeBooleanField(value.getKey(), value.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "filters=" + DaemonClient.enc(json.toString());
  }
}
