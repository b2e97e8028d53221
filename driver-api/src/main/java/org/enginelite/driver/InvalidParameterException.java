package org.enginelite.driver;

/** The request names something malformed or inconsistent (HTTP 400). */
public class InvalidParameterException extends DriverException {
  private static final long serialVersionUID = 1L;

  public InvalidParameterException(String message) {
    super(message);
  }

  public InvalidParameterException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_PARAMETER;
  }
}
