package org.enginelite.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineDaemonOptionsTest {
  @Test
  void defaults() {
    var o = EngineDaemon.Options.parse();
    assertEquals(Path.of("/var/lib/engine-lite"), o.dataRoot());
    assertEquals(Path.of("/run/engine-lite"), o.execRoot());
    assertEquals(Path.of("/run/engine-lite/engine.sock"), o.socket());
  }

  @Test
  void flags_bothForms() {
    var o = EngineDaemon.Options.parse("--data-root", "/d", "--exec-root=/e", "-H", "unix:///s.sock");
    assertEquals(Path.of("/d"), o.dataRoot());
    assertEquals(Path.of("/e"), o.execRoot());
    assertEquals(Path.of("/s.sock"), o.socket());
    assertThrows(IllegalArgumentException.class, () -> EngineDaemon.Options.parse("-H", "tcp://0.0.0.0:2375"));
    assertThrows(IllegalArgumentException.class, () -> EngineDaemon.Options.parse("--bogus", "x"));
  }
}
