package org.enginelite.net.bridge.setup;

/** One idempotent piece of set-up and its undo. */
public interface SetupStep {
  /** Short name for error messages: "create bridge elbr-3f2a". */
  String name();

  void apply();

  /** Reverts what {@link #apply()} changed; only called after apply succeeded. Must not throw for "not found". */
  void undo();
}
