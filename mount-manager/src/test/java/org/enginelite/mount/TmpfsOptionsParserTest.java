package org.enginelite.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TmpfsOptionsParserTest {
  @Test
  void parseTmpfs_defaultsThenUserOptions() {
    TmpfsPlan t = TmpfsOptionsParser.parseTmpfs("/run/", "rw,exec,size=64m,uid=1000");
    assertEquals("/run", t.target());
    assertEquals(List.of("noexec", "nosuid", "nodev", "rw", "exec", "size=64m", "uid=1000"), t.options());
  }

  @Test
  void parseTmpfs_readOnly_isNoted() {
    assertTrue(TmpfsOptionsParser.parseTmpfs("/t", "ro").readOnly());
  }

  @Test
  void parseTmpfs_unknownOption_isRefused() {
    assertEquals("Invalid tmpfs option \"bogus\"",
        assertThrows(MountConfigException.class, () -> TmpfsOptionsParser.parseTmpfs("/t", "bogus")).getMessage());
    assertEquals("Invalid tmpfs option \"colour=red\"",
        assertThrows(MountConfigException.class, () -> TmpfsOptionsParser.parseTmpfs("/t", "colour=red"))
            .getMessage());
    assertEquals("Invalid tmpfs option \"size=lots\"",
        assertThrows(MountConfigException.class, () -> TmpfsOptionsParser.parseTmpfs("/t", "size=lots"))
            .getMessage());
  }

  @Test
  void byteSize_dockerUnits() {
    assertEquals(64L << 20, ByteSize.parse("64m"));
    assertEquals(64L << 20, ByteSize.parse("64MiB"));
    assertEquals(1L << 30, ByteSize.parse("1g"));
    assertEquals(100, ByteSize.parse("100"));
    assertEquals(1536, ByteSize.parse("1.5k"));
  }
}
