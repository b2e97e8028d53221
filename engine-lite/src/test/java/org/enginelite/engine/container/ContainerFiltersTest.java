package org.enginelite.engine.container;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ContainerFiltersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ContainerRecord record(String name, String labelsJson, String status) throws Exception {
    ObjectNode req = (ObjectNode) JSON.readTree("{\"Image\":\"x\",\"Labels\":" + labelsJson + "}");
    return new ContainerRecord("abcdef" + "0".repeat(58), name, "2024-01-01T00:00:00Z", "sha256:1", "x", req,
        ContainerState.created().withStatus(status), null, null);
  }

  private static ContainerFilters parse(String json) throws Exception {
    return ContainerFilters.parse(JSON.readTree(json));
  }

  @Test
  void labels_allMustMatch_bothWireForms() throws Exception {
    ContainerRecord r = record("web", "{\"a\":\"1\",\"b\":\"2\"}", "running");
    assertTrue(parse("{\"label\":{\"a=1\":true,\"b\":true}}").matches(r));
    assertTrue(parse("{\"label\":[\"a=1\"]}").matches(r));
    assertFalse(parse("{\"label\":[\"a=1\",\"c\"]}").matches(r));
    assertFalse(parse("{\"label\":[\"a=2\"]}").matches(r));
  }

  @Test
  void nameIdStatus() throws Exception {
    ContainerRecord r = record("stack_web.1", "{}", "exited");
    assertTrue(parse("{\"name\":[\"web\"]}").matches(r));
    assertTrue(parse("{\"id\":[\"abcd\"]}").matches(r));
    assertTrue(parse("{\"status\":[\"running\",\"exited\"]}").matches(r));
    assertFalse(parse("{\"status\":[\"running\"]}").matches(r));
    assertThrows(InvalidParameterException.class, () -> parse("{\"status\":[\"sleeping\"]}"));
    assertThrows(InvalidParameterException.class, () -> parse("{\"colour\":[\"red\"]}"));
  }
}
