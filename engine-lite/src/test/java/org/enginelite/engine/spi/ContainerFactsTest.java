package org.enginelite.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerFactsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static ContainerFacts facts(String request, String hostname) throws Exception {
    return new ContainerFacts(ID, "web", (ObjectNode) JSON.readTree(request), true, Path.of("/tmp/hosts"),
        hostname, "");
  }

  @Test
  void effectiveHostname_isTheGivenOne_elseTheShortId() throws Exception {
    assertEquals("db", facts("{}", "db").effectiveHostname());
    assertEquals("0123456789ab", facts("{}", "").effectiveHostname());
  }

  @Test
  void hostConfig_isTheRequests_elseEmpty() throws Exception {
    assertEquals("my_bridge", facts("{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"}}", "").hostConfig()
        .path("NetworkMode").asText());
    assertTrue(facts("{}", "").hostConfig().isEmpty());
    assertTrue(facts("{\"HostConfig\":null}", "").hostConfig().isEmpty());
  }
}
