package org.enginelite.kernel.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoParserTest {
  @Test
  void parseLine_sharedOverlay_readsEveryField() {
    MountInfo m = MountInfoParser.parseLine(
        "36 35 98:0 /mnt1 /mnt/my\\040dir rw,noatime master:1 shared:7 - ext3 /dev/root rw,errors=continue");
    assertEquals(36, m.mountId());
    assertEquals(35, m.parentId());
    assertEquals(Path.of("/mnt/my dir"), m.mountPoint());
    assertEquals(List.of("master:1", "shared:7"), m.propagation());
    assertEquals("ext3", m.fsType());
    assertEquals("/dev/root", m.source());
    assertTrue(m.isShared());
  }

  @Test
  void parseLine_privateMount_hasNoPropagationFields() {
    MountInfo m = MountInfoParser.parseLine("50 1 0:45 / /tmp/x rw,relatime - tmpfs tmpfs rw,size=1024k");
    assertTrue(m.propagation().isEmpty());
    assertFalse(m.isShared());
  }

  @Test
  void unescape_backslashWithoutOctal_isKept() {
    assertEquals("a\\b", MountInfoParser.unescape("a\\b"));
    assertEquals("a\tb", MountInfoParser.unescape("a\\011b"));
  }
}
