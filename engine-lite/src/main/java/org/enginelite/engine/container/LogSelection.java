package org.enginelite.engine.container;

import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.spi.ApiRequest;

/**
 * The part of a logs request that container logs and service logs share: which streams, and how many lines
 * from the end ({@code tail}, -1 for all), with Docker's messages for bad values.
 */
public record LogSelection(boolean stdout, boolean stderr, int tail) {

  public static LogSelection of(ApiRequest q) {
    boolean stdout = q.queryFlag("stdout");
    boolean stderr = q.queryFlag("stderr");
    if (!stdout && !stderr) {
      throw new InvalidParameterException("Bad parameters: you must choose at least one stream");
    }
    String tail = q.query("tail").orElse("all");
    try {
      return new LogSelection(stdout, stderr, tail.equals("all") || tail.isEmpty() ? -1 : Integer.parseInt(tail));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid value for tail: " + tail);
    }
  }
}
