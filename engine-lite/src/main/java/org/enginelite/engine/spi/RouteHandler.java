package org.enginelite.engine.spi;

/**
 * Handles one API request. Throw a {@link org.enginelite.driver.DriverException} for errors: the engine answers
 * {@code {"message": ...}} with the status of its kind.
 */
@FunctionalInterface
public interface RouteHandler {
  ApiResponse handle(ApiRequest request) throws Exception;
}
