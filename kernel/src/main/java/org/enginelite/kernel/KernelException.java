package org.enginelite.kernel;

import jnr.constants.platform.Errno;
import org.enginelite.driver.InternalException;

/**
 * A kernel call failed. The message names the call, the object and the errno, as in
 * {@code mount /run/engine-lite/netns/el1: No such file or directory (ENOENT)}, so a log line is enough to act on.
 */
public final class KernelException extends InternalException {
  private static final long serialVersionUID = 1L;

  private final int errno;

  public KernelException(String call, Object object, int errno) {
    super(call + " " + object + ": " + describe(errno));
    this.errno = errno;
  }

  /** The raw errno value, for callers that tolerate a specific one (EEXIST on create, ENOENT on delete). */
  public int errno() {
    return errno;
  }

  public boolean is(Errno expected) {
    return errno == expected.intValue();
  }

  /** "File exists (EEXIST)". */
  public static String describe(int errno) {
    Errno e = Errno.valueOf(errno);
    return e == null || e == Errno.__UNKNOWN_CONSTANT__
        ? "errno " + errno
        : e.description() + " (" + e.name() + ")";
  }
}
