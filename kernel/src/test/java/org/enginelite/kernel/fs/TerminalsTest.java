package org.enginelite.kernel.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.enginelite.kernel.KernelException;
import org.junit.jupiter.api.Test;

class TerminalsTest {

  @Test
  void resize_setsTheWindowSizeThatTheTerminalsProcessesSee() throws Exception {
    // util-linux script gives its child a fresh pseudo-terminal and keeps the slave open itself.
    Process holder = new ProcessBuilder("script", "-qfec", "sleep 20", "/dev/null")
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    try {
      Path tty = awaitTerminal(holder.pid());
      Terminals.resize(tty, new Terminals.Size(33, 77));
      assertEquals(new Terminals.Size(33, 77), Terminals.size(tty));
      Process stty = new ProcessBuilder("stty", "-F", tty.toString(), "size").start();
      String seen = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertTrue(stty.waitFor(10, TimeUnit.SECONDS));
      assertEquals("33 77", seen, "another process reads the same size from the terminal");
    } finally {
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void heldBy_aProcessWithoutTerminal_isEmpty() throws Exception {
    Process p = new ProcessBuilder("sleep", "20").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    try {
      assertTrue(Terminals.heldBy(p.pid()).isEmpty());
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertTrue(Terminals.heldBy(Long.MAX_VALUE).isEmpty(), "no such process");
  }

  @Test
  void resize_ofAFileThatIsNoTerminal_namesTheFileAndTheError() {
    KernelException e = assertThrows(KernelException.class,
        () -> Terminals.resize(Path.of("/dev/null"), new Terminals.Size(10, 10)));
    assertTrue(e.getMessage().contains("/dev/null"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Terminals.Size(-1, 80));
  }

  private static Path awaitTerminal(long pid) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      var tty = Terminals.heldBy(pid);
      if (tty.isPresent()) {
        return tty.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("script never opened a terminal");
  }
}
