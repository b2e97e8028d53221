package org.enginelite.engine.spi;

/**
 * Where extensions register API handlers by method and path template; {@code {name}} segments become path
 * parameters ("/networks/{id}/connect"). Paths are given without a version prefix: {@code /v1.41/networks}
 * and {@code /networks} both reach the handler. Handlers run on a worker thread, so they may block. Extension
 * routes are matched before the engine's own, in registration order, so a feature may answer a core path.
 */
public interface Routes {

  void add(String method, String pathTemplate, RouteHandler handler);

  default void get(String pathTemplate, RouteHandler handler) {
    add("GET", pathTemplate, handler);
  }

  default void post(String pathTemplate, RouteHandler handler) {
    add("POST", pathTemplate, handler);
  }

  default void put(String pathTemplate, RouteHandler handler) {
    add("PUT", pathTemplate, handler);
  }

  default void delete(String pathTemplate, RouteHandler handler) {
    add("DELETE", pathTemplate, handler);
  }
}
