package org.enginelite.engine.stack;

import java.util.Map;
import org.enginelite.driver.InvalidParameterException;

/** A volume as a stack wants it (or as it exists): full name ("getstartedlab_redis-data"), driver, labels. */
public record StackVolume(
    String name, String driver, Map<String, String> driverOpts, Map<String, String> labels, boolean external) {

  public StackVolume {
    if (name == null || name.isBlank()) {
      throw new InvalidParameterException("volume needs a name");
    }
    driverOpts = StackMaps.ordered(driverOpts);
    labels = StackMaps.ordered(labels);
  }
}
