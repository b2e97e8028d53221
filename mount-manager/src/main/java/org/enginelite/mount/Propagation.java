package org.enginelite.mount;

import java.util.Arrays;
import java.util.Optional;

/** Bind propagation modes (mount_namespaces(7)); Docker's default for binds is {@link #RPRIVATE}. */
public enum Propagation {
  PRIVATE, RPRIVATE, SHARED, RSHARED, SLAVE, RSLAVE;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Propagation> parse(String word) {
    return Arrays.stream(values()).filter(p -> p.wireName().equals(word)).findFirst();
  }
}
