package org.enginelite.driver.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class LocalVolumeOptionsTest {
  @Test
  void parse_noOptions_isPlainDirectory() {
    assertTrue(LocalVolumeOptions.parse(Map.of()).isPlainDirectory());
  }

  @Test
  void parse_tmpfs_needsNoDevice() {
    LocalVolumeOptions o = LocalVolumeOptions.parse(Map.of("type", "tmpfs", "o", "size=64m,uid=1000"));
    assertEquals(new LocalVolumeOptions("tmpfs", List.of("size=64m", "uid=1000"), "tmpfs"), o);
  }

  @Test
  void parse_bind_keepsDevice() {
    LocalVolumeOptions o = LocalVolumeOptions.parse(Map.of("type", "none", "o", "bind", "device", "/srv/x"));
    assertTrue(o.isBind());
    assertEquals("/srv/x", o.device());
  }

  @Test
  void parse_unknownKey_namesIt() {
    assertEquals("invalid option: \"size\"", message(Map.of("size", "1g")));
  }

  @Test
  void parse_typeWithoutDevice_isRejected() {
    assertEquals("missing required option: \"device\"", message(Map.of("type", "ext4")));
  }

  @Test
  void parse_deviceWithoutType_isRejected() {
    assertEquals("missing required option: \"type\"", message(Map.of("device", "/dev/sdb1")));
  }

  @Test
  void parse_relativeBindDevice_isRejected() {
    assertEquals("invalid option device: \"srv\" must be an absolute path",
        message(Map.of("type", "none", "o", "bind", "device", "srv")));
  }

  private static String message(Map<String, String> opts) {
    return assertThrows(InvalidParameterException.class, () -> LocalVolumeOptions.parse(opts)).getMessage();
  }
}
