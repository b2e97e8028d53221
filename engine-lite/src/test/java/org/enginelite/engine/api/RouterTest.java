package org.enginelite.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.enginelite.engine.spi.ApiResponse;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Router router = new Router();

  @Test
  void match_pathParamsAndVersionPrefix() {
    router.post("/containers/{id}/start", q -> ApiResponse.noContent());
    var m = router.match("POST", Router.stripVersion("/v1.41/containers/abc/start")).orElseThrow();
    assertEquals("abc", m.params().get("id"));
    assertTrue(router.match("GET", "/containers/abc/start").isEmpty());
    assertTrue(router.match("POST", "/containers/abc/def/start").isEmpty());
  }

  @Test
  void match_greedyParamTakesSlashes() {
    router.get("/images/{name:.*}/json", q -> ApiResponse.ok(null));
    assertEquals("registry:5000/team/app:1",
        router.match("GET", "/images/registry:5000/team/app:1/json").orElseThrow().params().get("name"));
  }

  @Test
  void match_headFallsBackToGet_firstRegisteredWins() {
    router.get("/info", q -> ApiResponse.ok("first"));
    router.get("/info", q -> ApiResponse.ok("second"));
    assertTrue(router.match("HEAD", "/info").isPresent());
    assertEquals(1, router.match("GET", "/info").stream().count());
  }

  @Test
  void match_inlineRoutesAreMarked() {
    router.addInline("GET", "/_ping", q -> ApiResponse.ok("OK"));
    router.get("/info", q -> ApiResponse.ok("info"));
    assertTrue(router.match("GET", "/_ping").orElseThrow().inline());
    assertTrue(router.match("HEAD", "/_ping").orElseThrow().inline());
    assertFalse(router.match("GET", "/info").orElseThrow().inline());
  }

  @Test
  void stripVersion_onlyAVersionSegment() {
    assertEquals("/containers/json", Router.stripVersion("/v1.24/containers/json"));
    assertEquals("/volumes", Router.stripVersion("/volumes"));
    assertEquals("/v1.41", Router.stripVersion("/v1.41"));
  }

  @Test
  void errorResponses_kindToStatus() {
    assertEquals(404, ErrorResponses.of(new org.enginelite.driver.NotFoundException("x")).status());
    assertEquals(409, ErrorResponses.of(new org.enginelite.driver.ConflictException("x")).status());
    assertEquals(400, ErrorResponses.of(new org.enginelite.driver.InvalidParameterException("x")).status());
    assertEquals(500, ErrorResponses.of(new IllegalStateException("boom")).status());
  }
}
