package org.enginelite.terminal;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Docker's detach keys: a key sequence typed on an attached TTY (by default ctrl-p, ctrl-q) that leaves the
 * container running and ends the attach. Written as Docker writes it: comma-separated keys, each one character
 * or {@code ctrl-X} with X one of {@code @ a-z [ \ ] ^ _}.
 */
public final class DetachKeys {
  public static final String DEFAULT = "ctrl-p,ctrl-q";

  private final byte[] keys;

  private DetachKeys(byte[] keys) {
    this.keys = keys;
  }

  /** Parses Docker's notation; an empty text means no detach keys. */
  public static DetachKeys parse(String text) {
    ByteArrayOutputStream codes = new ByteArrayOutputStream();
    if (!text.isEmpty()) {
      for (String key : text.split(",", -1)) {
        codes.write(code(key));
      }
    }
    return new DetachKeys(codes.toByteArray());
  }

  private static int code(String key) {
    if (key.length() == 1) {
      return key.charAt(0);
    }
    String k = key.toLowerCase(Locale.ROOT);
    if (k.length() == 6 && k.startsWith("ctrl-")) {
      char c = k.charAt(5);
      if (c >= 'a' && c <= 'z') {
        return c - 'a' + 1;
      }
      int at = "@[\\]^_".indexOf(c);
      if (at >= 0) {
        return at == 0 ? 0 : 26 + at;
      }
    }
    throw new IllegalArgumentException("Unknown character: '" + key + "'");
  }

  /** A watcher of one input stream. */
  public Watcher watcher() {
    return new Watcher();
  }

  /**
   * Follows one stream of reads for the sequence, as Docker's escape proxy does: only reads of exactly one byte
   * (keys typed one by one) count, so pasted text never detaches; keys held back while they match are passed
   * on when the sequence breaks.
   */
  public final class Watcher {
    private int matched;

    /** The bytes to pass on for this read, or null when it completed the sequence (detach). */
    public byte[] pass(byte[] read, int length) {
      if (keys.length == 0) {
        return java.util.Arrays.copyOf(read, length);
      }
      if (length == 1 && read[0] == keys[matched]) {
        if (++matched == keys.length) {
          matched = 0;
          return null;
        }
        return new byte[0];
      }
      byte[] out = new byte[matched + length];
      System.arraycopy(keys, 0, out, 0, matched);
      System.arraycopy(read, 0, out, matched, length);
      matched = 0;
      return out;
    }
  }
}
