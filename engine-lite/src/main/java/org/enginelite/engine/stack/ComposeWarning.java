package org.enginelite.engine.stack;

/** Something in a compose file that was ignored or adjusted, with the line it is on. */
public record ComposeWarning(int line, String message) {

  /** As printed to the user: "warning: line 12: services.web.healthcheck is not supported and is ignored". */
  @Override
  public String toString() {
    return "warning: line " + line + ": " + message;
  }
}
