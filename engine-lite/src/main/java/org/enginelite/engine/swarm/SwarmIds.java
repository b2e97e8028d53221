package org.enginelite.engine.swarm;

import java.security.SecureRandom;

/** Object ids as swarmkit makes them (25 random base-36 characters) and join tokens in Docker's format. */
public final class SwarmIds {

  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SwarmIds() {}

  public static String newId() {
    return random(25);
  }

  /** SWMTKN-1-&lt;50 chars&gt;-&lt;25 chars&gt;: the shape {@code docker swarm join-token} prints. */
  public static String joinToken() {
    return "SWMTKN-1-" + random(50) + "-" + random(25);
  }

  private static String random(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
