package org.enginelite.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

class MountFlagParserTest {
  @Test
  void parse_volumeWithEveryOption() {
    MountSpec s = MountFlagParser.parse(
        "type=volume,source=v1,target=/data,readonly,volume-nocopy,volume-opt=type=tmpfs,volume-label=a=b");
    assertEquals("volume", s.type());
    assertEquals("v1", s.source());
    assertEquals("/data", s.target());
    assertTrue(s.readOnly());
    assertTrue(s.volume().noCopy());
    assertEquals(Map.of("type", "tmpfs"), s.volume().driverOptions());
    assertEquals(Map.of("a", "b"), s.volume().labels());
  }

  @Test
  void parse_bindWithPropagation() {
    MountSpec s = MountFlagParser.parse("type=bind,src=/srv,dst=/srv,bind-propagation=rshared,ro=true");
    assertEquals("rshared", s.bind().propagation());
    assertTrue(s.readOnly());
  }

  @Test
  void parse_tmpfsSizeAndMode() {
    MountSpec s = MountFlagParser.parse("type=tmpfs,target=/t,tmpfs-size=64m,tmpfs-mode=1770");
    assertEquals(64L << 20, s.tmpfs().sizeBytes());
    assertEquals(01770, s.tmpfs().mode());
  }

  @Test
  void parse_unknownKey_namesIt() {
    assertEquals("unexpected key 'colour' in 'colour=red'", message("type=volume,target=/d,colour=red"));
  }

  @Test
  void parse_missingTypeOrTarget() {
    assertEquals("type is required", message("source=v1,target=/d"));
    assertEquals("target is required", message("type=volume,source=v1"));
  }

  @Test
  void parse_volumeOptionOnBind_isRefused() {
    assertEquals("cannot mix 'volume-*' options with mount type 'bind'",
        message("type=bind,source=/a,target=/b,volume-nocopy=true"));
  }

  private static String message(String flag) {
    return assertThrows(InvalidParameterException.class, () -> MountFlagParser.parse(flag)).getMessage();
  }
}
