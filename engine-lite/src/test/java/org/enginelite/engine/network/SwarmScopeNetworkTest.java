package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.network.api.NetworkApiMapper;
import org.enginelite.engine.network.api.NetworkCreateJson;
import org.junit.jupiter.api.Test;

/** What docker stack deploy sends for a stack's network: driver overlay, scope swarm, on a one-node swarm. */
class SwarmScopeNetworkTest {

  private static NetworkCreateJson json(String body) throws Exception {
    return new ObjectMapper().readValue(body, NetworkCreateJson.class);
  }

  @Test
  void toRequest_overlaySwarmScope_isMadeAsABridge() throws Exception {
    NetworkCreateRequest req = NetworkApiMapper.toRequest(json(
        "{\"Name\":\"getstartedlab_webnet\",\"Driver\":\"overlay\",\"Scope\":\"swarm\"}"));
    assertEquals(NetworkRecord.BRIDGE, req.driver());
  }

  @Test
  void toRequest_otherScope_isRefused() throws Exception {
    assertThrows(InvalidParameterException.class, () -> NetworkApiMapper.toRequest(json(
        "{\"Name\":\"n\",\"Scope\":\"global\"}")));
  }
}
