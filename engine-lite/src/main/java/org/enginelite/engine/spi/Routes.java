package org.enginelite.engine.spi;

/**
 * Where extensions register API handlers by method and path template; {@code {name}} segments become path
 * parameters ("/networks/{id}/connect"). Paths are given without a version prefix: {@code /v1.41/networks}
 * and {@code /networks} both reach the handler. Handlers run on a worker thread, so they may block. Extension
 * routes are matched before the engine's own, in registration order, so a feature may answer a core path.
 */
public interface Routes {

  void add(String method, String pathTemplate, RouteHandler handler);

  /**
   * As {@link #add}, for a handler that answers from memory: it runs on the socket's I/O thread, which saves the
   * two thread hand-offs (to a worker and back) that every other request pays. Such a handler must never block:
   * no disk, no state store, no process, no lock that slow work may hold. A stream it returns is still
   * written from a worker.
   */
  void addInline(String method, String pathTemplate, RouteHandler handler);

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
