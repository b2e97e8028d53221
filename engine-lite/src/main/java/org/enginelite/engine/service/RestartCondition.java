package org.enginelite.engine.service;

import java.util.Locale;
import org.enginelite.driver.InvalidParameterException;

/** When a task whose container stopped is replaced (Docker's {@code --restart-condition}; default {@code any}). */
public enum RestartCondition {
  NONE("none"),
  ON_FAILURE("on-failure"),
  ANY("any");

  private final String dockerName;

  RestartCondition(String dockerName) {
    this.dockerName = dockerName;
  }

  /** The name Docker's CLI and API use: none, on-failure, any. */
  public String dockerName() {
    return dockerName;
  }

  /** Whether a task that ended with {@code exitCode} gets a replacement in its slot. */
  public boolean restarts(int exitCode) {
    return switch (this) {
      case NONE -> false;
      case ON_FAILURE -> exitCode != 0;
      case ANY -> true;
    };
  }

  public static RestartCondition parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (RestartCondition c : values()) {
      if (c.dockerName.equals(v)) {
        return c;
      }
    }
    throw new InvalidParameterException(
        "invalid restart condition \"" + value + "\": must be one of none, on-failure, any");
  }
}
