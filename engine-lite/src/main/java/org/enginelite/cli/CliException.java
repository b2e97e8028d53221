package org.enginelite.cli;

/**
 * Bad input caught by the CLI before anything is sent: printed as one line, with the verb's usage status (1, or
 * 125 for run and create) unless a status is given.
 */
public final class CliException extends RuntimeException {
  private static final int USAGE = -1;

  private final int exitCode;

  public CliException(String message) {
    this(message, USAGE);
  }

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The status given, or -1 for the verb's usage status. */
  public int exitCode() {
    return exitCode;
  }

  public boolean usageStatus() {
    return exitCode == USAGE;
  }
}
