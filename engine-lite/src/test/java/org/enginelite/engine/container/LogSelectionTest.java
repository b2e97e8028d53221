package org.enginelite.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.spi.ApiRequest;
import org.junit.jupiter.api.Test;

class LogSelectionTest {

  private static LogSelection of(Map<String, List<String>> query) {
    return LogSelection.of(new ApiRequest("GET", "/containers/x/logs", Map.of(), query, new byte[0],
        new ObjectMapper()));
  }

  @Test
  void of_streamsAndTail() {
    assertEquals(new LogSelection(true, false, -1), of(Map.of("stdout", List.of("1"))));
    assertEquals(new LogSelection(true, true, -1), of(Map.of("stdout", List.of("1"), "stderr", List.of("1"),
        "tail", List.of("all"))));
    assertEquals(new LogSelection(false, true, 5), of(Map.of("stderr", List.of("true"), "tail", List.of("5"))));
  }

  @Test
  void of_badInput_dockersMessages() {
    assertEquals("Bad parameters: you must choose at least one stream",
        assertThrows(InvalidParameterException.class, () -> of(Map.of("tail", List.of("5")))).getMessage());
    assertEquals("invalid value for tail: ten", assertThrows(InvalidParameterException.class,
        () -> of(Map.of("stdout", List.of("1"), "tail", List.of("ten")))).getMessage());
  }
}
