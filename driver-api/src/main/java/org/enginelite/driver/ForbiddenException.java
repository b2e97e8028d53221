package org.enginelite.driver;

/** The request is understood but not allowed on this object (HTTP 403). */
public class ForbiddenException extends DriverException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.FORBIDDEN;
  }
}
