package org.enginelite.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.enginelite.engine.testing.BusyboxImage;
import org.enginelite.engine.testing.RawApi;
import org.enginelite.engine.testing.TestDaemon;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.Test;

/** The daemon is killed with SIGKILL while containers run; the next daemon finds everything as it is. */
@Privileged
class DaemonRecoveryIT {

  @Test
  void sigkill_runningContainerKeepsRunning_exitWhileDownIsRecorded() throws Exception {
    try (TestDaemon daemon = TestDaemon.start()) {
      RawApi api = daemon.api();
      BusyboxImage.importInto(daemon, "busybox", "latest");
      String keeper = api.post("/v1.41/containers/create?name=keeper", Map.of("Image", "busybox",
          "Cmd", List.of("sh", "-c", "echo started; while true; do sleep 0.2; done"))).json().path("Id").asText();
      String quitter = api.post("/v1.41/containers/create?name=quitter", Map.of("Image", "busybox",
          "Cmd", List.of("sh", "-c", "sleep 2; echo bye; exit 5"))).json().path("Id").asText();
      String idle = api.post("/v1.41/containers/create?name=idle", Map.of("Image", "busybox",
          "Cmd", List.of("true"))).json().path("Id").asText();
      assertEquals(204, api.post("/v1.41/containers/keeper/start").status());
      assertEquals(204, api.post("/v1.41/containers/quitter/start").status());
      int pid = api.get("/v1.41/containers/keeper/json").json().path("State").path("Pid").asInt();

      daemon.kill9();
      Thread.sleep(3000); // quitter exits while no daemon runs
      daemon.restart();

      JsonNode k = api.get("/v1.41/containers/keeper/json").json().path("State");
      assertEquals("running", k.path("Status").asText());
      assertEquals(pid, k.path("Pid").asInt(), "the same process, not a new one");
      JsonNode q = api.get("/v1.41/containers/quitter/json").json().path("State");
      assertEquals("exited", q.path("Status").asText());
      assertEquals(5, q.path("ExitCode").asInt());
      assertEquals("created", api.get("/v1.41/containers/idle/json").json().path("State").path("Status").asText());
      assertEquals(3, api.get("/v1.41/containers/json?all=1").json().size());
      assertEquals("bye\n", api.get("/v1.41/containers/quitter/logs?stdout=1").demux()[0]);
      assertTrue(api.get("/v1.41/containers/keeper/logs?stdout=1").demux()[0].startsWith("started\n"));

      assertEquals(204, api.post("/v1.41/containers/keeper/stop?t=1").status());
      assertEquals("exited", api.get("/v1.41/containers/keeper/json").json().path("State").path("Status").asText());
      for (String id : List.of(keeper, quitter, idle)) {
        assertEquals(204, api.delete("/v1.41/containers/" + id).status());
      }
      assertEquals(List.of(), daemon.mountsLeft());
      assertEquals(List.of(), daemon.netnsFilesLeft());
      assertEquals(List.of(), daemon.runcContainersLeft(List.of(keeper, quitter, idle)));
      assertEquals(List.of(), daemon.containerIdsOnDisk());
    }
  }

  @Test
  void sigkill_forceRemoveAfterRestart_leavesNothing() throws Exception {
    try (TestDaemon daemon = TestDaemon.start()) {
      RawApi api = daemon.api();
      BusyboxImage.importInto(daemon, "busybox", "latest");
      String id = api.post("/v1.41/containers/create", Map.of("Image", "busybox",
          "Cmd", List.of("sleep", "300"))).json().path("Id").asText();
      api.post("/v1.41/containers/" + id + "/start");
      daemon.kill9();
      daemon.restart();
      assertEquals(204, api.delete("/v1.41/containers/" + id + "?force=1").status());
      assertEquals(List.of(), daemon.mountsLeft());
      assertEquals(List.of(), daemon.netnsFilesLeft());
      assertEquals(List.of(), daemon.runcContainersLeft(List.of(id)));
    }
  }

  @Test
  void sigkill_pausedTtyContainer_staysPaused_andItsTerminalStillResizes() throws Exception {
    try (TestDaemon daemon = TestDaemon.start()) {
      RawApi api = daemon.api();
      BusyboxImage.importInto(daemon, "busybox", "latest");
      String id = api.post("/v1.41/containers/create?name=term", Map.of("Image", "busybox", "Tty", true,
          "OpenStdin", true, "Cmd", List.of("sh"))).json().path("Id").asText();
      assertEquals(204, api.post("/v1.41/containers/term/start").status());
      assertEquals(204, api.post("/v1.41/containers/term/pause").status());

      daemon.kill9();
      daemon.restart();

      JsonNode state = api.get("/v1.41/containers/term/json").json().path("State");
      assertEquals("paused", state.path("Status").asText());
      assertTrue(state.path("Paused").asBoolean());
      assertEquals(204, api.post("/v1.41/containers/term/unpause").status());
      assertEquals(200, api.post("/v1.41/containers/term/resize?h=21&w=76").status());
      String exec = api.post("/v1.41/containers/term/exec", Map.of("Cmd",
          List.of("sh", "-c", "stty size < /proc/1/fd/0"), "AttachStdout", true)).json().path("Id").asText();
      String[] out = api.post("/v1.41/exec/" + exec + "/start", Map.of("Detach", false)).demux();
      assertEquals("21 76", out[0].trim(), out[1]);
      assertEquals(204, api.post("/v1.41/containers/term/stop?t=1").status());
      assertEquals(204, api.delete("/v1.41/containers/" + id).status());
      assertEquals(List.of(), daemon.mountsLeft());
      assertEquals(List.of(), daemon.runcContainersLeft(List.of(id)));
    }
  }
}
