package org.enginelite.driver;

/**
 * Root of every error a driver or the engine reports to a user. Each subclass is one kind of failure; the
 * engine maps the kind to an HTTP status in one place, so drivers never think in status codes.
 * Messages are one line and name the object: {@code network "x" not found}.
 */
public abstract class DriverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DriverException(String message) {
    super(message);
  }

  protected DriverException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What kind of failure this is; stable across message changes. */
  public abstract ErrorKind kind();

  /** The kinds of failure, each with the HTTP status Docker's API uses for it. */
  public enum ErrorKind {
    INVALID_PARAMETER(400),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorKind(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }
}
