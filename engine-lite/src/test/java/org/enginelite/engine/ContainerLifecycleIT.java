package org.enginelite.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.enginelite.engine.testing.DaemonExtension;
import org.enginelite.engine.testing.RawApi;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Containers through the raw API of a real daemon: run, logs, exit code, stop, restart policy, removal. */
@Privileged
class ContainerLifecycleIT {

  @RegisterExtension
  static final DaemonExtension DAEMON = DaemonExtension.withBusybox("busybox");

  private static String create(Map<String, Object> body, String name) {
    RawApi.Response r = DAEMON.api().post("/v1.41/containers/create" + (name == null ? "" : "?name=" + name), body);
    assertEquals(201, r.status(), r.text());
    return r.json().path("Id").asText();
  }

  private static int waitExit(String id) {
    RawApi.Response r = DAEMON.api().post("/v1.41/containers/" + id + "/wait");
    assertEquals(200, r.status(), r.text());
    return r.json().path("StatusCode").asInt();
  }

  @Test
  void run_outputAndExitCode_recordedInLogsAndInspect() throws Exception {
    String id = create(Map.of("Image", "busybox", "Cmd", List.of("sh", "-c", "echo out1; echo err1 >&2; echo out2; exit 7"),
        "Hostname", "custom-host"), "lifecycle-run");
    assertEquals(204, DAEMON.api().post("/v1.41/containers/" + id + "/start").status());
    assertEquals(7, waitExit(id));
    String[] logs = DAEMON.api().get("/v1.41/containers/" + id + "/logs?stdout=1&stderr=1").demux();
    assertEquals("out1\nout2\n", logs[0]);
    assertEquals("err1\n", logs[1]);
    JsonNode state = DAEMON.api().get("/v1.41/containers/lifecycle-run/json").json().path("State");
    assertEquals("exited", state.path("Status").asText());
    assertEquals(7, state.path("ExitCode").asInt());
    assertFalse(state.path("FinishedAt").asText().startsWith("0001"));
    assertEquals(204, DAEMON.api().delete("/v1.41/containers/" + id).status());
    assertEquals(404, DAEMON.api().get("/v1.41/containers/" + id + "/json").status());
    assertNothingLeft(List.of(id));
  }

  @Test
  void interleavedStreams_everyLineKeptWhole() throws Exception {
    // stdout and stderr are written by two processes into one log: a line split by the other stream's line
    // would show up here as a corrupted or missing line.
    String id = create(Map.of("Image", "busybox", "Cmd", List.of("sh", "-c",
        "i=0; while [ $i -lt 300 ]; do echo out$i; echo err$i >&2; i=$((i+1)); done")), "lifecycle-interleaved");
    assertEquals(204, DAEMON.api().post("/v1.41/containers/" + id + "/start").status());
    assertEquals(0, waitExit(id));
    String[] logs = DAEMON.api().get("/v1.41/containers/" + id + "/logs?stdout=1&stderr=1").demux();
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      out.append("out").append(i).append('\n');
      err.append("err").append(i).append('\n');
    }
    assertEquals(out.toString(), logs[0]);
    assertEquals(err.toString(), logs[1]);
    assertEquals(204, DAEMON.api().delete("/v1.41/containers/" + id).status());
    assertNothingLeft(List.of(id));
  }

  @Test
  void hostnameAndEnv_reachTheProcess() {
    String id = create(Map.of("Image", "busybox", "Cmd", List.of("sh", "-c", "hostname; echo $GREETING; pwd"),
        "Env", List.of("GREETING=hi"), "WorkingDir", "/tmp"), null);
    DAEMON.api().post("/v1.41/containers/" + id + "/start");
    assertEquals(0, waitExit(id));
    String out = DAEMON.api().get("/v1.41/containers/" + id + "/logs?stdout=1").demux()[0];
    assertEquals(id.substring(0, 12) + "\nhi\n/tmp\n", out);
    DAEMON.api().delete("/v1.41/containers/" + id);
  }

  @Test
  void stop_runningContainer_exitsAndCanBeRemoved() throws Exception {
    String id = create(Map.of("Image", "busybox", "Cmd", List.of("sleep", "300")), null);
    DAEMON.api().post("/v1.41/containers/" + id + "/start");
    JsonNode running = DAEMON.api().get("/v1.41/containers/" + id + "/json").json().path("State");
    assertTrue(running.path("Running").asBoolean());
    assertEquals(409, DAEMON.api().delete("/v1.41/containers/" + id).status(), "running containers need force");
    assertEquals(204, DAEMON.api().post("/v1.41/containers/" + id + "/stop?t=1").status());
    JsonNode stopped = DAEMON.api().get("/v1.41/containers/" + id + "/json").json().path("State");
    assertEquals("exited", stopped.path("Status").asText());
    assertEquals(137, stopped.path("ExitCode").asInt(), "sleep as pid 1 ignores SIGTERM, so SIGKILL after 1 s");
    assertEquals(304, DAEMON.api().post("/v1.41/containers/" + id + "/stop").status());
    assertEquals(204, DAEMON.api().delete("/v1.41/containers/" + id).status());
    assertNothingLeft(List.of(id));
  }

  @Test
  void restartOnFailure2_restartsExactlyTwice() throws Exception {
    String id = create(Map.of("Image", "busybox", "Cmd", List.of("sh", "-c", "echo attempt; exit 3"),
        "HostConfig", Map.of("RestartPolicy", Map.of("Name", "on-failure", "MaximumRetryCount", 2))), null);
    DAEMON.api().post("/v1.41/containers/" + id + "/start");
    JsonNode state = null;
    for (int i = 0; i < 200; i++) {
      JsonNode c = DAEMON.api().get("/v1.41/containers/" + id + "/json").json();
      state = c.path("State");
      if (c.path("RestartCount").asInt() == 2 && state.path("Status").asText().equals("exited")) {
        break;
      }
      Thread.sleep(50);
    }
    Thread.sleep(1500); // a third restart would have happened by now (back-off 400 ms)
    JsonNode c = DAEMON.api().get("/v1.41/containers/" + id + "/json").json();
    assertEquals(2, c.path("RestartCount").asInt());
    assertEquals("exited", c.path("State").path("Status").asText());
    assertEquals(3, c.path("State").path("ExitCode").asInt());
    String out = DAEMON.api().get("/v1.41/containers/" + id + "/logs?stdout=1").demux()[0];
    assertEquals("attempt\nattempt\nattempt\n", out, "one run and two restarts");
    DAEMON.api().delete("/v1.41/containers/" + id);
  }

  @Test
  void listFilters_byLabelNameAndStatus() {
    String a = create(Map.of("Image", "busybox", "Cmd", List.of("true"), "Labels", Map.of("tier", "web")),
        "filter-a");
    String b = create(Map.of("Image", "busybox", "Cmd", List.of("true"), "Labels", Map.of("tier", "db")),
        "filter-b");
    JsonNode byLabel = DAEMON.api().get("/v1.41/containers/json?all=1&filters=%7B%22label%22%3A%7B%22tier%3Dweb%22%3Atrue%7D%7D").json();
    assertEquals(1, byLabel.size());
    assertEquals(a, byLabel.get(0).path("Id").asText());
    JsonNode byName = DAEMON.api().get("/v1.41/containers/json?all=1&filters=%7B%22name%22%3A%5B%22filter-b%22%5D%7D").json();
    assertEquals(b, byName.get(0).path("Id").asText());
    JsonNode running = DAEMON.api().get("/v1.41/containers/json?filters=%7B%22status%22%3A%5B%22running%22%5D%7D").json();
    assertTrue(running.findValuesAsText("Id").stream().noneMatch(id -> id.equals(a) || id.equals(b)));
    DAEMON.api().delete("/v1.41/containers/" + a);
    DAEMON.api().delete("/v1.41/containers/" + b);
  }

  @Test
  void limits_reachTheCgroup() throws Exception {
    String id = create(Map.of("Image", "busybox", "Cmd", List.of("sleep", "300"),
        "HostConfig", Map.of("NanoCpus", 500_000_000L, "Memory", 64L * 1024 * 1024)), null);
    DAEMON.api().post("/v1.41/containers/" + id + "/start");
    String cg = "/sys/fs/cgroup/";
    String quota = java.nio.file.Files.readString(java.nio.file.Path.of(cg + "cpu/el/" + id + "/cpu.cfs_quota_us")).trim();
    String mem = java.nio.file.Files.readString(java.nio.file.Path.of(cg + "memory/el/" + id + "/memory.limit_in_bytes")).trim();
    assertEquals("50000", quota);
    assertEquals(Long.toString(64L * 1024 * 1024), mem);
    assertEquals(204, DAEMON.api().delete("/v1.41/containers/" + id + "?force=1").status());
    assertNothingLeft(List.of(id));
  }

  @Test
  void badInput_clearErrorsAndNothingCreated() throws Exception {
    int before = DAEMON.daemon().containerIdsOnDisk().size();
    RawApi.Response noImage = DAEMON.api().post("/v1.41/containers/create", Map.of("Image", "nosuch"));
    assertEquals(404, noImage.status());
    assertEquals("No such image: nosuch", noImage.message());
    RawApi.Response badJson = DAEMON.api().post("/v1.41/containers/create", "{\"Image\": ");
    assertEquals(400, badJson.status());
    assertTrue(badJson.message().startsWith("invalid JSON"), badJson.message());
    RawApi.Response badPolicy = DAEMON.api().post("/v1.41/containers/create",
        Map.of("Image", "busybox", "HostConfig", Map.of("RestartPolicy", Map.of("Name", "sometimes"))));
    assertEquals(400, badPolicy.status());
    assertTrue(badPolicy.message().contains("invalid restart policy"), badPolicy.message());
    assertEquals(404, DAEMON.api().get("/v1.41/containers/nosuch/json").status());
    assertEquals("No such container: nosuch", DAEMON.api().post("/v1.41/containers/nosuch/start").message());
    String id = create(Map.of("Image", "busybox", "Cmd", List.of("true")), "taken");
    RawApi.Response dup = DAEMON.api().post("/v1.41/containers/create?name=taken", Map.of("Image", "busybox"));
    assertEquals(409, dup.status());
    assertTrue(dup.message().contains("The container name \"/taken\" is already in use by container \"" + id),
        dup.message());
    assertEquals(before + 1, DAEMON.daemon().containerIdsOnDisk().size(), "only the one good container exists");
    DAEMON.api().delete("/v1.41/containers/" + id);
  }

  @Test
  void versionedAndUnversionedPaths_andPing() {
    RawApi.Response ping = DAEMON.api().get("/_ping");
    assertEquals("OK", ping.text());
    assertEquals("1.41", ping.headers().get("api-version"));
    assertEquals(200, DAEMON.api().request("HEAD", "/_ping", null, null).status());
    assertEquals("1.41", DAEMON.api().get("/v1.24/version").json().path("ApiVersion").asText());
    assertEquals(200, DAEMON.api().get("/info").status());
  }

  private static void assertNothingLeft(List<String> ids) throws Exception {
    assertEquals(List.of(), DAEMON.daemon().mountsLeft());
    assertEquals(List.of(), DAEMON.daemon().netnsFilesLeft());
    assertEquals(List.of(), DAEMON.daemon().runcContainersLeft(ids));
    for (String id : ids) {
      assertFalse(DAEMON.daemon().containerIdsOnDisk().contains(id), "container dir of " + id + " left");
    }
  }
}
