package org.enginelite.cli;

/** Bad input caught by the CLI before anything is sent: printed as one line, exit status 1 (or as given). */
public final class CliException extends RuntimeException {

  private final int exitCode;

  public CliException(String message) {
    this(message, 1);
  }

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
