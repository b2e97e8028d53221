package org.enginelite.engine.api;

/** A non-JSON answer body, such as {@code /_ping}'s plain "OK". */
public record RawBody(String contentType, byte[] bytes) {
  public static RawBody text(String s) {
    return new RawBody("text/plain; charset=utf-8", s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
