package org.enginelite.engine.service;

import java.security.SecureRandom;

/** Task ids as swarmkit makes them: 25 random base-36 characters; plus the sequence that orders tasks. */
final class TaskIds {

  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  private final SecureRandom random = new SecureRandom();
  private long sequence;

  String next() {
    sequence++;
    StringBuilder sb = new StringBuilder(25);
    for (int i = 0; i < 25; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** Continues after tasks restored from an earlier run, so new tasks sort after them. */
  void advancePast(long restored) {
    sequence = Math.max(sequence, restored);
  }

  /** The sequence of the id last returned by {@link #next()}. */
  long sequence() {
    return sequence;
  }
}
