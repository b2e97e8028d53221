package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import org.enginelite.driver.InvalidParameterException;

/** Docker's restart policies and when each restarts a container. */
public record RestartPolicy(String name, int maximumRetryCount) {
  public static final RestartPolicy NO = new RestartPolicy("no", 0);

  /** From {@code HostConfig.RestartPolicy}; "" means "no". Invalid policies are a 400 with Docker's wording. */
  public static RestartPolicy parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NO;
    }
    String name = node.path("Name").asText("");
    int max = node.path("MaximumRetryCount").asInt(0);
    switch (name) {
      case "", "no" -> {
        checkNoRetries(max);
        return NO;
      }
      case "always", "unless-stopped" -> {
        checkNoRetries(max);
        return new RestartPolicy(name, 0);
      }
      case "on-failure" -> {
        if (max < 0) {
          throw new InvalidParameterException("invalid restart policy: maximum retry count cannot be negative");
        }
        return new RestartPolicy(name, max);
      }
      default -> throw new InvalidParameterException("invalid restart policy: unknown policy '" + name
          + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    }
  }

  private static void checkNoRetries(int max) {
    if (max != 0) {
      throw new InvalidParameterException(
          "invalid restart policy: maximum retry count can only be used with 'on-failure'");
    }
  }

  public boolean isNo() {
    return name.equals("no");
  }

  /** Whether an exit with {@code exitCode} after {@code restartCount} restarts is followed by another start. */
  public boolean restartsAfter(int exitCode, int restartCount, boolean requested) {
    if (requested) {
      return false;
    }
    return switch (name) {
      case "always", "unless-stopped" -> true;
      case "on-failure" -> exitCode != 0 && (maximumRetryCount == 0 || restartCount < maximumRetryCount);
      default -> false;
    };
  }

  /** Whether the daemon starts this container at its own start when it is down. */
  public boolean startsWithDaemon(boolean manuallyStopped) {
    return name.equals("always") || (name.equals("unless-stopped") && !manuallyStopped);
  }
}
