package org.enginelite.engine.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.engine.spi.RouteHandler;
import org.enginelite.engine.spi.Routes;

/**
 * Matches method and path against templates. {@code {name}} matches one path segment, {@code {name:.*}} the
 * rest of the path (image names contain slashes). A version prefix ({@code /v1.41}) is stripped first.
 */
public final class Router implements Routes {
  private static final Pattern VERSION_PREFIX = Pattern.compile("^/v[0-9]+(\\.[0-9]+)?(?=/)");
  private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z0-9]+)(:\\.\\*)?}");

  private final List<Route> routes = new ArrayList<>();

  /** A matched route with its path parameters; {@code inline} when it runs on the I/O thread. */
  public record Match(RouteHandler handler, Map<String, String> params, boolean inline) {}

  private record Route(String method, Pattern pattern, List<String> names, RouteHandler handler, boolean inline) {}

  @Override
  public void add(String method, String pathTemplate, RouteHandler handler) {
    add(method, pathTemplate, handler, false);
  }

  @Override
  public void addInline(String method, String pathTemplate, RouteHandler handler) {
    add(method, pathTemplate, handler, true);
  }

  private synchronized void add(String method, String pathTemplate, RouteHandler handler, boolean inline) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = PARAM.matcher(pathTemplate);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(pathTemplate.substring(last, m.start())));
      regex.append(m.group(2) != null ? "(.+)" : "([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(pathTemplate.substring(last))).append("/?$");
    routes.add(new Route(method, Pattern.compile(regex.toString()), List.copyOf(names), handler, inline));
  }

  /** The path without its version prefix. */
  public static String stripVersion(String path) {
    return VERSION_PREFIX.matcher(path).replaceFirst("");
  }

  /** The first route registered for this method and (unversioned) path. HEAD falls back to GET routes. */
  public synchronized Optional<Match> match(String method, String path) {
    Optional<Match> m = find(method, path);
    return m.isEmpty() && method.equals("HEAD") ? find("GET", path) : m;
  }

  private Optional<Match> find(String method, String path) {
    for (Route r : routes) {
      if (!r.method.equals(method)) {
        continue;
      }
      Matcher m = r.pattern.matcher(path);
      if (m.matches()) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < r.names.size(); i++) {
          params.put(r.names.get(i), m.group(i + 1));
        }
        return Optional.of(new Match(r.handler, params, r.inline));
      }
    }
    return Optional.empty();
  }
}
