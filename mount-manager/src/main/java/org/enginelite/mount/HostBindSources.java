package org.enginelite.mount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enginelite.driver.InternalException;

/** {@code -v /host:/path} with a missing host path creates it as a directory at start, as Docker does. */
public final class HostBindSources {
  private HostBindSources() {}

  public static void ensure(BindPlan bind) {
    Path source = Path.of(bind.source());
    if (!bind.createSource() || Files.exists(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.createDirectories(source);
    } catch (IOException e) {
      throw new InternalException("error while creating mount source path '" + source + "': " + e.getMessage(), e);
    }
  }
}
