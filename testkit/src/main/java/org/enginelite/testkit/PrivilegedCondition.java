package org.enginelite.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Backs {@link Privileged}: skip without root locally, fail without root on CI. */
public final class PrivilegedCondition implements BeforeAllCallback, BeforeEachCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    check();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    check();
  }

  private static void check() {
    if (isRoot()) {
      return;
    }
    String why = "privileged test needs root (effective uid 0)";
    if (System.getenv("CI") != null) {
      Assertions.fail(why + "; CI must run tests as root");
    }
    Assumptions.abort(why);
  }

  /** Reads the effective uid from /proc/self/status ("Uid: real effective saved fs"). */
  public static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
