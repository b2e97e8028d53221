package org.enginelite.driver;

/** A real internal fault: the kernel or a runtime failed in a way the user did not cause (HTTP 500). */
public class InternalException extends DriverException {
  private static final long serialVersionUID = 1L;

  public InternalException(String message) {
    super(message);
  }

  public InternalException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INTERNAL;
  }
}
