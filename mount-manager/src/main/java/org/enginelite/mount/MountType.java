package org.enginelite.mount;

import java.util.Locale;

/** The mount types of Docker's API ({@code "Type"}). */
public enum MountType {
  BIND, VOLUME, TMPFS;

  /** The word Docker's API uses: {@code bind}, {@code volume}, {@code tmpfs}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
