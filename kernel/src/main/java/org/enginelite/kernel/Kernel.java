package org.enginelite.kernel;

/**
 * Capability probe for the kernel bindings, in the manner of Netty's {@code Epoll.isAvailable()}: probe once,
 * keep the reason, so a caller can say why a feature is off instead of failing later with a link error.
 */
public final class Kernel {
  private static final Throwable UNAVAILABILITY_CAUSE = probe();

  private Kernel() {}

  private static Throwable probe() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return new UnsupportedOperationException("engine-lite needs Linux, this is " + System.getProperty("os.name"));
    }
    try {
      LibC.INSTANCE.getpid();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  public static boolean isAvailable() {
    return UNAVAILABILITY_CAUSE == null;
  }

  /** Why the bindings cannot be used, or null when they can. */
  public static Throwable unavailabilityCause() {
    return UNAVAILABILITY_CAUSE;
  }

  /** Throws with the recorded cause when the bindings are unavailable. */
  public static void ensureAvailable() {
    if (UNAVAILABILITY_CAUSE != null) {
      throw new org.enginelite.driver.UnavailableException(
          "kernel bindings unavailable: " + UNAVAILABILITY_CAUSE, UNAVAILABILITY_CAUSE);
    }
  }
}
