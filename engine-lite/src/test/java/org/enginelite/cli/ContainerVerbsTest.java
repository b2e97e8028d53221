package org.enginelite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enginelite.cli.FakeDaemon.Reply;
import org.junit.jupiter.api.Test;

class ContainerVerbsTest {

  private static final String ID = "4f3c2b1a0987" + "6".repeat(52);

  @Test
  void runDetached_allFlags_sendsDockersCreateBodyThenStart() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> r.path().endsWith("/containers/create")
        ? Reply.json(201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}") : Reply.json(204, ""))) {
      CliRun run = CliRun.of(d.uri(), "run", "-d", "--name", "web", "-e", "A=1", "-l", "x=y", "-p", "8080:80",
          "-p", "127.0.0.1:9000-9001:90-91/udp", "-P", "--network", "my_bridge", "--network-alias", "www",
          "--ip", "10.0.0.5", "-v", "my-vol:/data", "-v", "/tmp:/host:ro", "-v", "/anon",
          "--mount", "type=tmpfs,target=/scratch,tmpfs-size=64m", "--tmpfs", "/run:size=1m",
          "--volumes-from", "other", "--cpus", "0.5", "-m", "64m", "--restart", "on-failure:2", "-w", "/www",
          "--hostname", "hh", "--entrypoint", "/bin/sh", "--rm", "busybox", "-c", "echo hi");
      assertEquals(0, run.status(), run.err());
      assertEquals(ID + "\n", run.out());
      List<FakeDaemon.Request> reqs = d.apiRequests();
      assertEquals("/v1.41/containers/create", reqs.get(0).path());
      assertEquals("name=web", reqs.get(0).query());
      JsonNode body = Json.mapper().readTree(reqs.get(0).body());
      assertEquals("hh", body.path("Hostname").asText());
      assertEquals("[\"A=1\"]", body.path("Env").toString());
      assertEquals("[\"-c\",\"echo hi\"]", body.path("Cmd").toString());
      assertEquals("[\"/bin/sh\"]", body.path("Entrypoint").toString());
      assertEquals("/www", body.path("WorkingDir").asText());
      assertEquals("{\"x\":\"y\"}", body.path("Labels").toString());
      assertEquals("{\"80/tcp\":{},\"90/udp\":{},\"91/udp\":{}}", body.path("ExposedPorts").toString());
      assertEquals("{\"/anon\":{}}", body.path("Volumes").toString());
      JsonNode host = body.path("HostConfig");
      assertEquals("[\"my-vol:/data\",\"/tmp:/host:ro\"]", host.path("Binds").toString());
      assertEquals("my_bridge", host.path("NetworkMode").asText());
      assertEquals("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}],"
          + "\"90/udp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"9000\"}],"
          + "\"91/udp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"9001\"}]}", host.path("PortBindings").toString());
      assertEquals("{\"Name\":\"on-failure\",\"MaximumRetryCount\":2}", host.path("RestartPolicy").toString());
      assertTrue(host.path("AutoRemove").asBoolean());
      assertTrue(host.path("PublishAllPorts").asBoolean());
      assertEquals("[\"other\"]", host.path("VolumesFrom").toString());
      assertEquals("{\"/run\":\"size=1m\"}", host.path("Tmpfs").toString());
      assertEquals(67108864, host.path("Memory").asLong());
      assertEquals(500000000, host.path("NanoCpus").asLong());
      assertEquals("[{\"Type\":\"tmpfs\",\"Target\":\"/scratch\",\"TmpfsOptions\":{\"SizeBytes\":67108864}}]",
          host.path("Mounts").toString());
      assertEquals("{\"my_bridge\":{\"IPAMConfig\":{\"IPv4Address\":\"10.0.0.5\"},\"Aliases\":[\"www\"]}}",
          body.path("NetworkingConfig").path("EndpointsConfig").toString());
      assertEquals("/v1.41/containers/" + ID + "/start", reqs.get(1).path());
      assertEquals(2, reqs.size());
    }
  }

  @Test
  void runAttached_printsBothStreams_exitsWithContainerStatus() throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.write(FakeDaemon.frame(1, "hello\n"));
    stream.write(FakeDaemon.frame(2, "oops\n"));
    try (FakeDaemon d = new FakeDaemon(r -> {
      if (r.path().endsWith("/containers/create")) {
        return Reply.json(201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
      }
      if (r.path().endsWith("/attach")) {
        return Reply.stream(stream.toByteArray());
      }
      if (r.path().endsWith("/wait")) {
        return Reply.json(200, "{\"StatusCode\":3,\"Error\":null}");
      }
      return Reply.json(204, "");
    })) {
      CliRun run = CliRun.of(d.uri(), "run", "busybox", "sh", "-c", "echo hello; echo oops >&2; exit 3");
      assertEquals(3, run.status(), run.err());
      assertEquals("hello\n", run.out());
      assertEquals("oops\n", run.err());
      List<String> paths = d.apiRequests().stream().map(FakeDaemon.Request::path).toList();
      assertEquals(List.of("/v1.41/containers/create", "/v1.41/containers/" + ID + "/attach",
          "/v1.41/containers/" + ID + "/wait", "/v1.41/containers/" + ID + "/start"), paths);
      JsonNode body = Json.mapper().readTree(d.apiRequests().get(0).body());
      assertTrue(body.path("AttachStdout").asBoolean());
      assertEquals("default", body.path("HostConfig").path("NetworkMode").asText());
      assertEquals("condition=next-exit", d.apiRequests().get(2).query());
    }
  }

  @Test
  void run_unknownImage_printsDaemonErrorAndExits125() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(404, "{\"message\":\"No such image: nope:latest\"}"))) {
      CliRun run = CliRun.of(d.uri(), "run", "-d", "nope");
      assertEquals(125, run.status());
      assertEquals("Error response from daemon: No such image: nope:latest\n", run.err());
    }
  }

  @Test
  void ps_containers_printsDockersTable() throws Exception {
    long created = java.time.Instant.now().getEpochSecond() - 125;
    String list = "[{\"Id\":\"" + ID + "\",\"Names\":[\"/web\"],\"Image\":\"engine-lite/busybox\","
        + "\"Command\":\"httpd -f -p 80 -h /www\",\"Created\":" + created + ",\"Ports\":[{\"IP\":\"0.0.0.0\","
        + "\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"}],\"Status\":\"Up 2 minutes\"}]";
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(200, list))) {
      CliRun run = CliRun.of(d.uri(), "ps", "-a", "--filter", "name=web");
      assertEquals(0, run.status(), run.err());
      assertEquals(String.join("\n",
          "CONTAINER ID   IMAGE                 COMMAND                  CREATED         STATUS         PORTS    "
              + "              NAMES",
          "4f3c2b1a0987   engine-lite/busybox   \"httpd -f -p 80 -h /…\"   2 minutes ago   Up 2 minutes   "
              + "0.0.0.0:8080->80/tcp   web", ""), run.out());
      assertEquals("all=1&filters={\"name\":{\"web\":true}}", d.apiRequests().get(0).query());
      assertEquals("4f3c2b1a0987\n", CliRun.of(d.uri(), "ps", "-q").out());
    }
  }

  @Test
  void psAndRoot_help_usageOfTheirFlags() {
    CliRun ps = CliRun.of("unix:///nonexistent.sock", "ps", "--help");
    assertEquals(0, ps.status(), ps.err());
    assertEquals(String.join("\n",
        "Usage: engine-lite ps [-aq] [--help] [--no-trunc] [-f=<filters>]...",
        "List containers",
        "  -a, --all                Show all containers (default shows just running)",
        "  -f, --filter=<filters>   Filter output based on conditions provided",
        "      --help               Print usage",
        "      --no-trunc           Don't truncate output",
        "  -q, --quiet              Only display container IDs", ""), ps.out());
    CliRun root = CliRun.of("unix:///nonexistent.sock", "--help");
    assertEquals(0, root.status(), root.err());
    assertTrue(root.out().startsWith(String.join("\n",
        "Usage: engine-lite [-hV] [-H=unix:///PATH] [COMMAND]",
        "A lightweight container engine with Docker's API and verbs.",
        "  -h, --help                Show this help message and exit.",
        "  -H, --host=unix:///PATH   Daemon socket to connect to (default unix:")), root.out());
    assertTrue(root.out().contains("\n  ps       List containers\n"), root.out());
    assertEquals("engine-lite: Unmatched argument at index 1: 'extra'.\nSee 'engine-lite ps --help'.\n",
        CliRun.of("unix:///nonexistent.sock", "ps", "extra").err());
  }

  @Test
  void ps_noDaemon_saysSoInOneLineWithHowToStart() throws Exception {
    Path dir = Files.createTempDirectory("el-cli-none-");
    try {
      CliRun run = CliRun.of("unix://" + dir.resolve("engine.sock"), "ps");
      assertEquals(1, run.status());
      assertEquals("Cannot connect to the engine-lite daemon at unix://" + dir.resolve("engine.sock")
          + ". Is the daemon running? Start it with: bin/engine-lite daemon -H unix://" + dir.resolve("engine.sock")
          + "\n", run.err());
      assertEquals("", run.out());
    } finally {
      Files.delete(dir);
    }
  }

  @Test
  void rm_oneMissing_reportsItAndRemovesTheOthers() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> r.path().endsWith("/nope")
        ? Reply.json(404, "{\"message\":\"No such container: nope\"}") : Reply.json(204, ""))) {
      CliRun run = CliRun.of(d.uri(), "rm", "-f", "-v", "nope", "web");
      assertEquals(1, run.status());
      assertEquals("web\n", run.out());
      assertEquals("Error response from daemon: No such container: nope\n", run.err());
      assertEquals("DELETE", d.apiRequests().get(1).method());
      assertEquals("force=1&v=1", d.apiRequests().get(1).query());
    }
  }

  @Test
  void logs_multiplexed_splitsStdoutAndStderr() throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.write(FakeDaemon.frame(1, "out line\n"));
    stream.write(FakeDaemon.frame(2, "err line\n"));
    try (FakeDaemon d = new FakeDaemon(r -> r.path().endsWith("/json")
        ? Reply.json(200, "{\"Id\":\"" + ID + "\",\"Config\":{\"Tty\":false}}")
        : new Reply(200, stream.toByteArray(), false))) {
      CliRun run = CliRun.of(d.uri(), "logs", "-f", "web");
      assertEquals(0, run.status(), run.err());
      assertEquals("out line\n", run.out());
      assertEquals("err line\n", run.err());
      assertEquals("stderr=1&stdout=1&follow=1", d.apiRequests().get(1).query());
    }
  }

  @Test
  void import_tarball_streamsItAndPrintsTheImageId() throws Exception {
    Path tar = Files.createTempFile("el-cli-import-", ".tar");
    Files.write(tar, new byte[] {1, 2, 3, 4});
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(200, "{\"status\":\"sha256:abc\"}\r\n"))) {
      CliRun run = CliRun.of(d.uri(), "image", "import", tar.toString(), "engine-lite/busybox:latest");
      assertEquals(0, run.status(), run.err());
      assertEquals("sha256:abc\n", run.out());
      FakeDaemon.Request r = d.apiRequests().get(0);
      assertEquals("fromSrc=-&repo=engine-lite/busybox:latest", r.query());
      assertEquals(4, r.body().length());
    } finally {
      Files.delete(tar);
    }
  }

  @Test
  void imageLs_tags_printsOneRowPerTag() throws Exception {
    String images = "[{\"Id\":\"sha256:" + ID + "\",\"RepoTags\":[\"engine-lite/busybox:latest\"],"
        + "\"Created\":" + (java.time.Instant.now().getEpochSecond() - 3) + ",\"Size\":2021120}]";
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(200, images))) {
      CliRun run = CliRun.of(d.uri(), "images");
      assertEquals(String.join("\n",
          "REPOSITORY            TAG       IMAGE ID       CREATED         SIZE",
          "engine-lite/busybox   latest    4f3c2b1a0987   3 seconds ago   2.02MB", ""), run.out());
    }
  }
}
