package org.enginelite.engine.api;

import org.enginelite.driver.DriverException;
import org.enginelite.engine.spi.ApiResponse;

/** The one place where a failure becomes an HTTP status and Docker's {@code {"message": ...}} body. */
public final class ErrorResponses {
  private ErrorResponses() {}

  public static ApiResponse of(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof DriverException d) {
      return message(d.kind().httpStatus(), d.getMessage());
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message(500, m);
  }

  public static ApiResponse message(int status, String message) {
    return new ApiResponse(status, new ErrorJson(message));
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof java.util.concurrent.CompletionException
        || t instanceof java.util.concurrent.ExecutionException
        || t instanceof java.lang.reflect.UndeclaredThrowableException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Docker's error body. */
  public record ErrorJson(@com.fasterxml.jackson.annotation.JsonProperty("message") String message) {}
}
