package org.enginelite.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RestartPolicy parse(String json) throws Exception {
    return RestartPolicy.parse(JSON.readTree(json));
  }

  @Test
  void parse_dockerNames() throws Exception {
    assertEquals(RestartPolicy.NO, parse("{\"Name\":\"\"}"));
    assertEquals(new RestartPolicy("on-failure", 2), parse("{\"Name\":\"on-failure\",\"MaximumRetryCount\":2}"));
    assertEquals("unless-stopped", parse("{\"Name\":\"unless-stopped\"}").name());
  }

  @Test
  void parse_invalid_is400WithDockerMessage() {
    var e = assertThrows(InvalidParameterException.class, () -> parse("{\"Name\":\"sometimes\"}"));
    assertTrue(e.getMessage().startsWith("invalid restart policy: unknown policy 'sometimes'"));
    assertThrows(InvalidParameterException.class, () -> parse("{\"Name\":\"always\",\"MaximumRetryCount\":3}"));
    assertThrows(InvalidParameterException.class, () -> parse("{\"Name\":\"on-failure\",\"MaximumRetryCount\":-1}"));
  }

  @Test
  void onFailure2_restartsTwiceOnlyAfterFailures() {
    RestartPolicy p = new RestartPolicy("on-failure", 2);
    assertTrue(p.restartsAfter(1, 0, false));
    assertTrue(p.restartsAfter(1, 1, false));
    assertFalse(p.restartsAfter(1, 2, false));
    assertFalse(p.restartsAfter(0, 0, false));
    assertFalse(p.restartsAfter(1, 0, true), "a stop asked for by the user is not a failure");
  }

  @Test
  void always_restartsUnlessRequested_unlessStoppedStaysDownAfterManualStop() {
    assertTrue(new RestartPolicy("always", 0).restartsAfter(0, 50, false));
    assertFalse(new RestartPolicy("always", 0).restartsAfter(0, 0, true));
    assertTrue(new RestartPolicy("always", 0).startsWithDaemon(true));
    assertFalse(new RestartPolicy("unless-stopped", 0).startsWithDaemon(true));
    assertTrue(new RestartPolicy("unless-stopped", 0).startsWithDaemon(false));
  }
}
