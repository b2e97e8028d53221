package org.enginelite.engine.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.engine.testing.DaemonExtension;
import org.enginelite.engine.testing.RawApi;
import org.enginelite.kernel.mount.Mounts;
import org.enginelite.testkit.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Volumes, binds and tmpfs through the raw API of a real daemon, with real containers on runc. */
@Privileged
class VolumesIT {
  @TempDir Path host;

  @RegisterExtension
  static final DaemonExtension DAEMON = DaemonExtension.withBusybox("busybox");

  @AfterEach
  void removeEverything() {
    for (JsonNode c : DAEMON.api().get("/v1.41/containers/json?all=1").json()) {
      DAEMON.api().delete("/v1.41/containers/" + c.path("Id").asText() + "?force=1&v=1");
    }
    for (JsonNode v : DAEMON.api().get("/v1.41/volumes").json().path("Volumes")) {
      DAEMON.api().delete("/v1.41/volumes/" + v.path("Name").asText() + "?force=1");
    }
  }

  /** A finished container run: its id, exit code and output. */
  record Run(String id, int exitCode, String out, String err) {}

  private static String create(Map<String, Object> body) {
    RawApi.Response r = DAEMON.api().post("/v1.41/containers/create", body);
    assertEquals(201, r.status(), r.text());
    return r.json().path("Id").asText();
  }

  private static Run start(String id) {
    RawApi.Response s = DAEMON.api().post("/v1.41/containers/" + id + "/start");
    assertEquals(204, s.status(), s.text());
    int code = DAEMON.api().post("/v1.41/containers/" + id + "/wait").json().path("StatusCode").asInt();
    String[] logs = DAEMON.api().get("/v1.41/containers/" + id + "/logs?stdout=1&stderr=1").demux();
    return new Run(id, code, logs[0], logs[1]);
  }

  private static Run run(String script, Map<String, Object> hostConfig) {
    return run(script, hostConfig, Map.of());
  }

  private static Run run(String script, Map<String, Object> hostConfig, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>(extra);
    body.put("Image", "busybox");
    body.put("Cmd", List.of("sh", "-c", script));
    body.put("HostConfig", hostConfig);
    return start(create(body));
  }

  private static void rm(String id, boolean volumes) {
    assertEquals(204, DAEMON.api().delete("/v1.41/containers/" + id + (volumes ? "?v=1" : "")).status());
  }

  private static JsonNode volume(String name) {
    RawApi.Response r = DAEMON.api().get("/v1.41/volumes/" + name);
    assertEquals(200, r.status(), r.text());
    return r.json();
  }

  @Test
  void namedVolume_bytesSurviveContainerRemovalAndDaemonKill() throws Exception {
    RawApi.Response created = DAEMON.api().post("/v1.41/volumes/create", Map.of("Name", "my-vol"));
    assertEquals(201, created.status(), created.text());
    JsonNode v = created.json();
    assertEquals("my-vol", v.path("Name").asText());
    assertEquals("local", v.path("Driver").asText());
    assertEquals("local", v.path("Scope").asText());
    Path mountpoint = DAEMON.daemon().dataRoot().resolve("volumes/my-vol/_data");
    assertEquals(mountpoint.toString(), v.path("Mountpoint").asText());
    assertTrue(v.path("CreatedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), v.toString());

    Run writer = run("dd if=/dev/urandom of=/data/x bs=1k count=64 2>/dev/null && md5sum /data/x",
        Map.of("Binds", List.of("my-vol:/data")));
    assertEquals(0, writer.exitCode(), writer.err());
    rm(writer.id(), true);
    byte[] written = Files.readAllBytes(mountpoint.resolve("x"));
    assertEquals(64 * 1024, written.length);

    Run reader = run("md5sum /data/x", Map.of("Binds", List.of("my-vol:/data")));
    assertEquals(writer.out(), reader.out());

    DAEMON.daemon().kill9();
    DAEMON.daemon().restart();
    assertEquals(v, volume("my-vol"));
    assertArrayEquals(written, Files.readAllBytes(mountpoint.resolve("x")));
    Run afterCrash = run("md5sum /data/x", Map.of("Binds", List.of("my-vol:/data")));
    assertEquals(writer.out(), afterCrash.out());
    // the two stopped readers still refer to it, across the crash
    assertEquals(409, DAEMON.api().delete("/v1.41/volumes/my-vol").status());
  }

  @Test
  void remove_whileUsedByRunningOrStoppedContainer_refusedNamingThem() {
    DAEMON.api().post("/v1.41/volumes/create", Map.of("Name", "busy-vol"));
    String stopped = create(Map.of("Image", "busybox", "Cmd", List.of("true"),
        "HostConfig", Map.of("Binds", List.of("busy-vol:/data"))));
    RawApi.Response refused = DAEMON.api().delete("/v1.41/volumes/busy-vol?force=1");
    assertEquals(409, refused.status());
    assertEquals("remove busy-vol: volume is in use - [" + stopped + "]", refused.message());

    String running = create(Map.of("Image", "busybox", "Cmd", List.of("sleep", "300"),
        "HostConfig", Map.of("Binds", List.of("busy-vol:/data"))));
    assertEquals(204, DAEMON.api().post("/v1.41/containers/" + running + "/start").status());
    List<String> ids = new ArrayList<>(List.of(stopped, running));
    ids.sort(null);
    assertEquals("remove busy-vol: volume is in use - [" + String.join(" ", ids) + "]",
        DAEMON.api().delete("/v1.41/volumes/busy-vol").message());

    DAEMON.api().delete("/v1.41/containers/" + running + "?force=1");
    rm(stopped, false);
    assertEquals(204, DAEMON.api().delete("/v1.41/volumes/busy-vol").status());
    assertEquals(404, DAEMON.api().get("/v1.41/volumes/busy-vol").status());
  }

  @Test
  void bind_sharedBothWaysWithHost_missingHostPathCreatedForV() throws Exception {
    Files.writeString(host.resolve("from-host"), "hello from host\n");
    Path created = host.resolve("made/by/run");
    Run r = run("cat /b/from-host; echo from container > /b/from-container; touch /c/x",
        Map.of("Binds", List.of(host + ":/b", created + ":/c")));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("hello from host\n", r.out());
    assertEquals("from container\n", Files.readString(host.resolve("from-container")));
    assertTrue(Files.exists(created.resolve("x")));
    JsonNode mounts = DAEMON.api().get("/v1.41/containers/" + r.id() + "/json").json().path("Mounts");
    assertEquals("bind", mounts.get(0).path("Type").asText());
    assertEquals("rprivate", mounts.get(0).path("Propagation").asText());
    assertTrue(mounts.get(0).path("RW").asBoolean());
  }

  @Test
  void readOnly_volumeAndBind_writesFailWithErofs() {
    DAEMON.api().post("/v1.41/volumes/create", Map.of("Name", "ro-vol"));
    Run r = run("echo x > /v/f; echo x > /b/f", Map.of("Binds", List.of("ro-vol:/v:ro", host + ":/b:ro")));
    assertNotEquals(0, r.exitCode());
    assertEquals(2, r.err().split("Read-only file system", -1).length - 1, r.err());
    assertFalse(Files.exists(host.resolve("f")));
    JsonNode mount = DAEMON.api().get("/v1.41/containers/" + r.id() + "/json").json().path("Mounts").get(0);
    assertFalse(mount.path("RW").asBoolean());
    assertEquals("ro", mount.path("Mode").asText());
  }

  @Test
  void tmpfs_sizeEnforced_contentGoneAfterStop() {
    Run full = run("dd if=/dev/zero of=/t/f bs=1k count=2048", Map.of("Tmpfs", Map.of("/t", "size=1m")));
    assertNotEquals(0, full.exitCode());
    assertTrue(full.err().contains("No space left on device"), full.err());

    Run mounted = run("dd if=/dev/zero of=/m/f bs=1k count=2048",
        Map.of("Mounts", List.of(Map.of("Type", "tmpfs", "Target", "/m", "TmpfsOptions", Map.of("SizeBytes", 1 << 20)))));
    assertTrue(mounted.err().contains("No space left on device"), mounted.err());

    // Each run lists /t, then writes into it; the logs keep both runs, so any file seen by the second run shows.
    String id = create(Map.of("Image", "busybox", "Cmd", List.of("sh", "-c", "ls /t; echo data > /t/f"),
        "HostConfig", Map.of("Tmpfs", Map.of("/t", ""))));
    assertEquals("", start(id).out());
    assertEquals("", start(id).out());
  }

  @Test
  void volumeOptions_tmpfsAndBindMountedOnHostWhileUsed_unmountedAfterLastUserStops() throws Exception {
    RawApi.Response t = DAEMON.api().post("/v1.41/volumes/create",
        Map.of("Name", "tmpfs-vol", "DriverOpts", Map.of("type", "tmpfs", "o", "size=1m,uid=1000")));
    assertEquals(201, t.status(), t.text());
    Path tmpfsData = DAEMON.daemon().dataRoot().resolve("volumes/tmpfs-vol/_data");
    String running = create(Map.of("Image", "busybox", "Cmd", List.of("sleep", "300"),
        "HostConfig", Map.of("Binds", List.of("tmpfs-vol:/t"))));
    assertEquals(204, DAEMON.api().post("/v1.41/containers/" + running + "/start").status());
    assertEquals("tmpfs", Mounts.find(tmpfsData).orElseThrow().fsType());
    Run full = run("stat -c %u /t; dd if=/dev/zero of=/t/f bs=1k count=2048",
        Map.of("Binds", List.of("tmpfs-vol:/t")));
    assertEquals("1000\n", full.out());
    assertTrue(full.err().contains("No space left on device"), full.err());
    assertTrue(Mounts.isMountPoint(tmpfsData), "still used by the running container");
    assertEquals(204, DAEMON.api().post("/v1.41/containers/" + running + "/stop?t=0").status());
    assertFalse(Mounts.isMountPoint(tmpfsData));

    Files.writeString(host.resolve("on-host"), "h\n");
    DAEMON.api().post("/v1.41/volumes/create", Map.of("Name", "bind-vol",
        "DriverOpts", Map.of("type", "none", "o", "bind", "device", host.toString())));
    Run b = run("cat /b/on-host; echo c > /b/from-container", Map.of("Binds", List.of("bind-vol:/b")));
    assertEquals("h\n", b.out());
    assertEquals("c\n", Files.readString(host.resolve("from-container")));
    assertFalse(Mounts.isMountPoint(DAEMON.daemon().dataRoot().resolve("volumes/bind-vol/_data")));
    rm(b.id(), false);
    assertEquals(204, DAEMON.api().delete("/v1.41/volumes/bind-vol").status());
    assertEquals("c\n", Files.readString(host.resolve("from-container")), "removing the volume keeps host data");
  }

  @Test
  void volumesFrom_readOnly_seesTheSameDataAndCannotWrite() {
    Run owner = run("echo shared > /data/f", Map.of("Binds", List.of("from-vol:/data", host + ":/h")));
    assertEquals(0, owner.exitCode(), owner.err());
    Run reader = run("cat /data/f; ls -d /h; echo x > /data/g",
        Map.of("VolumesFrom", List.of(owner.id().substring(0, 12) + ":ro")));
    assertEquals("shared\n/h\n", reader.out());
    assertTrue(reader.err().contains("Read-only file system"), reader.err());
    RawApi.Response missing = DAEMON.api().post("/v1.41/containers/create",
        Map.of("Image", "busybox", "HostConfig", Map.of("VolumesFrom", List.of("no-such-container"))));
    assertEquals(404, missing.status(), missing.text());
  }

  @Test
  void copyUp_emptyVolumeOverImageDirectory_getsImageFilesUnlessNocopy() throws Exception {
    Run r = run("cat /etc/passwd", Map.of("Binds", List.of("cp-vol:/etc")));
    assertEquals(0, r.exitCode(), r.err());
    Path data = DAEMON.daemon().dataRoot().resolve("volumes/cp-vol/_data");
    assertEquals(r.out(), Files.readString(data.resolve("passwd")));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("passwd"))));
    assertEquals(0, Files.getAttribute(data.resolve("passwd"), "unix:uid"));

    Run nocopy = run("ls /etc | wc -l", Map.of("Binds", List.of("nc-vol:/etc:nocopy")));
    assertEquals(0, Files.list(DAEMON.daemon().dataRoot().resolve("volumes/nc-vol/_data")).count(), nocopy.out());
  }

  @Test
  void anonymousVolume_removedByRmV_keptByPlainRm_namedNeverRemoved() {
    Run a = run("echo a > /anon/f", Map.of("Binds", List.of("named-keep:/named")), Map.of("Volumes", Map.of("/anon", Map.of())));
    JsonNode mounts = DAEMON.api().get("/v1.41/containers/" + a.id() + "/json").json().path("Mounts");
    String anon = null;
    for (JsonNode m : mounts) {
      if (m.path("Destination").asText().equals("/anon")) {
        anon = m.path("Name").asText();
      }
    }
    assertTrue(anon != null && anon.matches("[0-9a-f]{64}"), mounts.toString());
    rm(a.id(), true);
    assertEquals(404, DAEMON.api().get("/v1.41/volumes/" + anon).status());
    assertEquals(200, DAEMON.api().get("/v1.41/volumes/named-keep").status());

    Run b = run("true", Map.of("Binds", List.of("/kept")));
    String keptName = DAEMON.api().get("/v1.41/containers/" + b.id() + "/json").json().path("Mounts").get(0).path("Name")
        .asText();
    rm(b.id(), false);
    assertEquals(200, DAEMON.api().get("/v1.41/volumes/" + keptName).status());
  }

  @Test
  void prune_removesOnlyUnusedVolumes() throws Exception {
    DAEMON.api().post("/v1.41/volumes/create", Map.of("Name", "used-vol"));
    DAEMON.api().post("/v1.41/volumes/create", Map.of("Name", "free-vol"));
    Files.write(DAEMON.daemon().dataRoot().resolve("volumes/free-vol/_data/blob"), new byte[4096]);
    Run user = run("echo keep > /d/f", Map.of("Binds", List.of("used-vol:/d")));
    RawApi.Response pruned = DAEMON.api().post("/v1.41/volumes/prune");
    assertEquals(200, pruned.status(), pruned.text());
    assertEquals("[\"free-vol\"]", pruned.json().path("VolumesDeleted").toString());
    assertEquals(4096, pruned.json().path("SpaceReclaimed").asLong());
    assertEquals("keep\n", Files.readString(DAEMON.daemon().dataRoot().resolve("volumes/used-vol/_data/f")));
    JsonNode dangling = DAEMON.api().get("/v1.41/volumes?filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D").json();
    assertEquals(0, dangling.path("Volumes").size(), dangling.toString());
    rm(user.id(), false);
  }

  @Test
  void badInput_oneMessage400_nothingCreated() {
    Path untouched = host.resolve("must-not-exist");
    assertBad("create ab$: \"ab$\" includes invalid characters for a local volume name, only"
        + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
        Map.of("Binds", List.of("ab$:/data", untouched + ":/u")));
    assertBad("invalid mount config for type \"bind\": invalid mount path: 'rel/dir' mount path must be absolute",
        Map.of("Mounts", List.of(Map.of("Type", "bind", "Source", "rel/dir", "Target", "/x"))));
    assertBad("invalid mount config for type \"nfs\": mount type unknown",
        Map.of("Mounts", List.of(Map.of("Type", "nfs", "Source", "x", "Target", "/x"))));
    assertBad("Duplicate mount point: /data", Map.of("Binds", List.of("dup-a:/data", untouched + ":/data/")));
    assertBad("invalid mode: zz", Map.of("Binds", List.of("opt-vol:/data:zz")));
    assertBad("Invalid tmpfs option \"bogus\"", Map.of("Tmpfs", Map.of("/t", "bogus")));
    assertBad("invalid option: \"colour\"", Map.of("Mounts", List.of(Map.of("Type", "volume", "Source", "o-vol",
        "Target", "/x", "VolumeOptions", Map.of("DriverConfig", Map.of("Options", Map.of("colour", "red")))))));
    assertBad("invalid mount config for type \"bind\": field Source must not be empty",
        Map.of("Mounts", List.of(Map.of("Type", "bind", "Target", "/x"))));
    assertBad("invalid mount config for type \"bind\": bind source path does not exist: " + untouched,
        Map.of("Mounts", List.of(Map.of("Type", "bind", "Source", untouched.toString(), "Target", "/x"))));

    RawApi.Response badVolume = DAEMON.api().post("/v1.41/volumes/create", Map.of("Name", "../escape"));
    assertEquals(400, badVolume.status());
    assertTrue(badVolume.message().startsWith("create ../escape: \"../escape\" includes invalid characters"));
    RawApi.Response badOpt = DAEMON.api().post("/v1.41/volumes/create", Map.of("Name", "x1", "DriverOpts", Map.of("foo", "1")));
    assertEquals(400, badOpt.status());
    assertEquals("invalid option: \"foo\"", badOpt.message());

    assertFalse(Files.exists(untouched));
    assertEquals(0, DAEMON.api().get("/v1.41/containers/json?all=1").json().size());
    assertEquals(0, DAEMON.api().get("/v1.41/volumes").json().path("Volumes").size());
    assertTrue(Files.notExists(DAEMON.daemon().dataRoot().resolve("volumes/escape")));
    assertTrue(Mounts.list().stream().noneMatch(m -> m.mountPoint().startsWith(DAEMON.daemon().dataRoot().resolve("volumes"))));
  }

  @Test
  void dockerCli_volumeCreateLsInspectRm() throws Exception {
    assertEquals("cli-vol\n", docker("volume", "create", "--label", "team=a", "cli-vol"));
    assertEquals("cli-vol\n", docker("volume", "ls", "-q", "--filter", "label=team=a"));
    assertTrue(docker("volume", "ls").matches("(?s)DRIVER +VOLUME NAME\nlocal +cli-vol\n"));
    assertEquals("cli-vol local local a " + DAEMON.daemon().dataRoot().resolve("volumes/cli-vol/_data") + "\n",
        docker("volume", "inspect", "-f", "{{.Name}} {{.Driver}} {{.Scope}} {{.Labels.team}} {{.Mountpoint}}",
            "cli-vol"));
    assertEquals("cli-vol\n", docker("volume", "rm", "cli-vol"));
    assertEquals("", docker("volume", "ls", "-q"));
  }

  /** Runs the unmodified docker CLI against the daemon; returns stdout, fails on a non-zero exit. */
  private String docker(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    pb.environment().put("DOCKER_HOST", DAEMON.daemon().host());
    pb.environment().put("DOCKER_CONFIG", host.resolve(".docker").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + err);
    return out;
  }

  private static void assertBad(String message, Map<String, Object> hostConfig) {
    RawApi.Response r = DAEMON.api().post("/v1.41/containers/create",
        Map.of("Image", "busybox", "Cmd", List.of("true"), "HostConfig", hostConfig));
    assertEquals(400, r.status(), r.text());
    assertEquals(message, r.message());
  }
}
