package org.enginelite.ingress;

/** Transport protocol of a frontend; backends are reached with the same one. */
public enum Protocol {
  TCP,
  UDP;

  /** Lower-case name as Docker prints it after a port: {@code 80/tcp}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
