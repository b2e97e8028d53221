package org.enginelite.mount;

import org.enginelite.driver.InvalidParameterException;

/** A mount the user wrote that cannot work; the message is Docker's for the same mistake (HTTP 400). */
public final class MountConfigException extends InvalidParameterException {
  private static final long serialVersionUID = 1L;

  public MountConfigException(String message) {
    super(message);
  }

  /** Docker's {@code invalid mount config for type "bind": <reason>}. */
  static MountConfigException forType(String type, String reason) {
    return new MountConfigException("invalid mount config for type \"" + type + "\": " + reason);
  }

  /** Docker's {@code invalid volume specification: '<raw>'}. */
  static MountConfigException invalidSpec(String raw) {
    return new MountConfigException("invalid volume specification: '" + raw + "'");
  }

  static MountConfigException invalidSpec(String raw, String reason) {
    return new MountConfigException("invalid volume specification: '" + raw + "': " + reason);
  }

  static MountConfigException duplicate(String target) {
    return new MountConfigException("Duplicate mount point: " + target);
  }
}
