package org.enginelite.engine.api;

import java.io.IOException;
import org.enginelite.terminal.DetachKeys;

/** A TTY's input with Docker's detach keys watched for: they end the attach instead of reaching the process. */
public final class DetachingInput implements StreamInput {
  private final StreamInput input;
  private final DetachKeys.Watcher watcher;

  private DetachingInput(StreamInput input, DetachKeys keys) {
    this.input = input;
    this.watcher = keys.watcher();
  }

  /** {@code input} watched for {@code keys}; null stays null (no input). */
  public static StreamInput of(StreamInput input, DetachKeys keys) {
    return input == null ? null : new DetachingInput(input, keys);
  }

  @Override
  public void data(byte[] bytes) throws IOException {
    byte[] pass = watcher.pass(bytes, bytes.length);
    if (pass == null) {
      throw new Detached();
    }
    if (pass.length > 0) {
      input.data(pass);
    }
  }

  @Override
  public void end() {
    input.end();
  }
}
