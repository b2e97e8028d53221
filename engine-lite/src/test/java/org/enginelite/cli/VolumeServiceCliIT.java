package org.enginelite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.enginelite.engine.testing.DaemonExtension;
import org.enginelite.engine.testing.TestDaemon;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Volume, swarm and service verbs of the CLI against a real daemon ({@link TestDaemon}): data written through
 * {@code run -v} outlives its container, a volume in use is not removed, and a replicated service is listed,
 * scaled and removed.
 */
@Privileged
class VolumeServiceCliIT {

  private static final String IMAGE = "engine-lite/busybox:latest";

  @RegisterExtension
  static final DaemonExtension DAEMON = DaemonExtension.withBusybox("engine-lite/busybox");

  private static CliRun cli(String... args) {
    return CliRun.of(DAEMON.daemon().host(), args);
  }

  @Test
  void volume_dataOutlivesContainer_inUseRefused_thenRemoved() throws Exception {
    assertEquals("it-vol\n", cli("volume", "create", "--label", "purpose=it", "it-vol").out());
    assertTrue(cli("volume", "ls").out().lines().anyMatch(l -> l.equals("local     it-vol")),
        cli("volume", "ls").out());
    JsonNode inspect = Json.mapper().readTree(cli("volume", "inspect", "it-vol").out());
    assertEquals("it", inspect.get(0).path("Labels").path("purpose").asText());

    CliRun write = cli("run", "--name", "it-writer", "-v", "it-vol:/data", IMAGE, "sh", "-c",
        "echo kept > /data/x");
    assertEquals(0, write.status(), write.err());
    CliRun read = cli("run", "--rm", "-v", "it-vol:/data", IMAGE, "cat", "/data/x");
    assertEquals(0, read.status(), read.err());
    assertEquals("kept\n", read.out());

    CliRun refused = cli("volume", "rm", "it-vol");
    assertEquals(1, refused.status());
    assertTrue(refused.err().startsWith("Error response from daemon: "), refused.err());
    assertEquals(1, refused.err().lines().count(), refused.err());

    assertEquals(0, cli("rm", "it-writer").status());
    assertEquals("it-vol\n", cli("volume", "rm", "it-vol").out());
    assertFalse(cli("volume", "ls", "-q").out().lines().anyMatch(l -> l.equals("it-vol")));
  }

  @Test
  void service_createListScaleRemove() throws Exception {
    CliRun init = cli("swarm", "init");
    assertEquals(0, init.status(), init.err());
    assertTrue(init.out().startsWith("Swarm initialized: current node ("), init.out());
    try {
      CliRun created = cli("service", "create", "--name", "it-svc", "--replicas", "2", IMAGE, "sleep", "300");
      assertEquals(0, created.status(), created.err());
      assertEquals("it-svc 2/2", serviceRow("2/2"));
      CliRun ps = cli("service", "ps", "it-svc");
      assertTrue(ps.out().startsWith("ID             NAME       IMAGE"), ps.out());
      assertTrue(ps.out().contains(" it-svc.1 ") && ps.out().contains(" it-svc.2 "), ps.out());

      assertEquals("it-svc scaled to 3\n", cli("service", "scale", "it-svc=3").out());
      assertEquals("it-svc 3/3", serviceRow("3/3"));

      assertEquals("it-svc\n", cli("service", "rm", "it-svc").out());
      assertFalse(cli("service", "ls").out().contains("it-svc"));
    } finally {
      assertEquals("Node left the swarm.\n", cli("swarm", "leave", "--force").out());
    }
  }

  /** Name and REPLICAS of it-svc in service ls, once they read {@code wanted} (tasks start asynchronously). */
  private static String serviceRow(String wanted) throws InterruptedException {
    String row = "";
    for (int i = 0; i < 150 && !row.endsWith(" " + wanted); i++) {
      row = cli("service", "ls").out().lines().filter(l -> l.contains(" it-svc ")).findFirst()
          .map(l -> l.split("\\s+")).map(c -> c[1] + " " + c[3]).orElse("");
      Thread.sleep(200);
    }
    return row;
  }
}
