package org.enginelite.engine.network;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random 64-hex ids for networks and endpoints, as Docker makes them. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String shortId(String id) {
    return id.length() <= 12 ? id : id.substring(0, 12);
  }
}
