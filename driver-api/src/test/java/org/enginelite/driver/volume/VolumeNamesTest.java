package org.enginelite.driver.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"my-vol", "a1", "data_2.x", "0abc"})
  void isValid_dockerNames_accepted(String name) {
    assertTrue(VolumeNames.isValid(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "..", "../etc", "a/b", ".hidden", "-x", "a b", "ab$"})
  void isValid_namesThatCouldEscapeOrAreMalformed_rejected(String name) {
    assertFalse(VolumeNames.isValid(name));
  }

  @Test
  void check_invalid_usesDockersMessage() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> VolumeNames.check("ab$"));
    assertEquals("create ab$: \"ab$\" includes invalid characters for a local volume name, only"
        + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
        e.getMessage());
  }

  @Test
  void anonymousName_is64Hex() {
    String name = VolumeNames.anonymousName();
    assertTrue(VolumeNames.looksAnonymous(name));
    assertTrue(VolumeNames.isValid(name));
  }
}
