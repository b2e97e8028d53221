package org.enginelite.engine.spi;

/**
 * A JSON answer: {@code body} is a Jackson tree, a record with Docker's field names, a List or Map, or null for
 * no body (204 and the like).
 */
public record ApiResponse(int status, Object body) {

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, body);
  }

  public static ApiResponse created(Object body) {
    return new ApiResponse(201, body);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, null);
  }
}
