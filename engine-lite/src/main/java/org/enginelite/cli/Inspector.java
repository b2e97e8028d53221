package org.enginelite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code inspect} of networks, volumes and services: a JSON array of the objects found; each name not found is
 * reported as docker does ("Error: No such network: x") and makes the exit status 1.
 */
public final class Inspector {

  private Inspector() {}

  public static int print(List<String> names, String kind, Function<String, JsonNode> fetch, PrintStream out,
      PrintStream err) {
    ArrayNode result = Json.mapper().createArrayNode();
    int status = 0;
    for (String name : names) {
      try {
        result.add(fetch.apply(name));
      } catch (ApiException e) {
        if (!e.notFound()) {
          throw e;
        }
        err.println("Error: No such " + kind + ": " + name);
        status = 1;
      }
    }
    out.println(Json.pretty(result));
    return status;
  }
}
