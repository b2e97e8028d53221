package org.enginelite.driver;

/** The request clashes with existing state: a name taken, an object in use (HTTP 409). */
public class ConflictException extends DriverException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.CONFLICT;
  }
}
