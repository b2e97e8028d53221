package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.enginelite.engine.testing.BusyboxImage;
import org.enginelite.engine.testing.DaemonExtension;
import org.enginelite.engine.testing.RawApi;
import org.enginelite.engine.testing.TestDaemon;
import org.enginelite.testkit.Privileged;
import org.enginelite.testkit.TestNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Networking end to end: a real daemon in its own network namespace (so every "host" object lives there), driven
 * by the unmodified docker CLI and by raw API calls, with busybox containers on runc.
 */
@Privileged
class NetworksIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAGE = "Hello from engine-lite";

  @RegisterExtension
  static final DaemonExtension DAEMON = DaemonExtension.withBusybox("busybox");

  record Result(int code, String out, String err) {}

  static Result docker(TestDaemon d, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Files.exists(Path.of("/usr/local/bin/docker")) ? "/usr/local/bin/docker" : "docker");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DOCKER_HOST", d.host());
    pb.environment().put("DOCKER_CONFIG", d.dataRoot().resolveSibling("docker-config").toString());
    Path err = Files.createTempFile("el-docker-", ".err");
    try {
      Process p = pb.redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker " + String.join(" ", args) + " hung");
      return new Result(p.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  static String ok(TestDaemon d, String... args) throws Exception {
    Result r = docker(d, args);
    assertEquals(0, r.code(), "docker " + String.join(" ", args) + ": " + r.err() + "\n" + d.log());
    return r.out().trim();
  }

  /** A command in the daemon's network namespace: the engine's "host". */
  static String onHost(TestDaemon d, String... command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=" + d.netns(), "--"));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " hung");
    return out;
  }

  /** An HTTP GET from inside a container by nc, bounded by its timeout; true when the page came back. */
  static boolean fetches(TestDaemon d, String container, String hostOrIp) throws Exception {
    Result r = docker(d, "exec", container, "sh", "-c",
        "printf 'GET / HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n' | nc -w 2 " + hostOrIp + " 80");
    return r.out().contains(PAGE);
  }

  static String curlFromHost(TestDaemon d, String hostPort) throws Exception {
    String last = "";
    for (int i = 0; i < 30; i++) {
      last = onHost(d, "curl", "-sS", "-m", "2", "http://" + hostPort + "/");
      if (last.contains(PAGE)) {
        return last;
      }
      Thread.sleep(100);
    }
    return last;
  }

  /** Names of the links in the daemon's namespace ("lo", "el0", ...), without their changing state flags. */
  static List<String> linkNames(TestDaemon d) throws Exception {
    return onHost(d, "ip", "-o", "link").lines().map(l -> l.split(": ")[1].split("@")[0]).sorted().toList();
  }

  static JsonNode inspect(TestDaemon d, String... args) throws Exception {
    List<String> a = new ArrayList<>(List.of(args));
    return JSON.readTree(ok(d, a.toArray(new String[0]))).get(0);
  }

  /** The issue's scenario, verb for verb, through the docker CLI. */
  @Test
  void issueScenario_connectGivesNameResolution_andRemovalLeavesNothing() throws Exception {
    List<String> linksBefore = linkNames(DAEMON.daemon());
    ok(DAEMON.daemon(), "network", "create", "-d", "bridge", "my_bridge");
    ok(DAEMON.daemon(), "run", "-d", "--net=my_bridge", "--name", "db", "busybox", "sleep", "600");
    ok(DAEMON.daemon(), "run", "-d", "--name", "web", "busybox", "httpd", "-f", "-p", "80", "-h", "/www");
    String webBridgeIp = ok(DAEMON.daemon(), "inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web");
    assertFalse(webBridgeIp.isEmpty());
    assertFalse(fetches(DAEMON.daemon(), "db", webBridgeIp), "db must not reach web on another network");

    ok(DAEMON.daemon(), "network", "connect", "my_bridge", "web");
    Result byName = docker(DAEMON.daemon(), "exec", "db", "wget", "-q", "-O", "-", "http://web/");
    assertTrue(byName.out().contains(PAGE), "db fetches http://web/ by name: " + byName);
    JsonNode net = inspect(DAEMON.daemon(), "network", "inspect", "my_bridge");
    List<String> names = new ArrayList<>();
    net.get("Containers").forEach(c -> names.add(c.get("Name").asText()));
    assertEquals(List.of("db", "web"), names.stream().sorted().toList());
    net.get("Containers").forEach(c -> assertTrue(c.get("IPv4Address").asText().matches("[0-9.]+/\\d+"), c.toString()));
    JsonNode webNetworks = inspect(DAEMON.daemon(), "inspect", "web").get("NetworkSettings").get("Networks");
    assertTrue(webNetworks.has("bridge") && webNetworks.has("my_bridge"), webNetworks.toString());
    String webMyIp = webNetworks.get("my_bridge").get("IPAddress").asText();
    assertTrue(docker(DAEMON.daemon(), "exec", "web", "ip", "-o", "-4", "addr", "show", "eth1").out().contains(webMyIp));
    String webHostname = ok(DAEMON.daemon(), "exec", "web", "hostname");
    List<String> hostsLines = docker(DAEMON.daemon(), "exec", "web", "cat", "/etc/hosts").out().lines().toList();
    assertTrue(hostsLines.contains(webBridgeIp + "\t" + webHostname), "the first address stays: " + hostsLines);
    assertTrue(hostsLines.contains(webMyIp + "\t" + webHostname), "the live connect adds its address: " + hostsLines);

    Result refused = docker(DAEMON.daemon(), "network", "rm", "my_bridge");
    assertNotEquals(0, refused.code());
    assertTrue(refused.err().contains("has active endpoints") && refused.err().contains("name:\"web\""),
        refused.err());

    ok(DAEMON.daemon(), "network", "disconnect", "my_bridge", "web");
    assertFalse(fetches(DAEMON.daemon(), "db", webMyIp), "after disconnect db no longer reaches web");
    assertFalse(docker(DAEMON.daemon(), "exec", "web", "ip", "-o", "link").out().contains("eth1"));
    hostsLines = docker(DAEMON.daemon(), "exec", "web", "cat", "/etc/hosts").out().lines().toList();
    assertTrue(hostsLines.contains(webBridgeIp + "\t" + webHostname) && hostsLines.stream()
        .noneMatch(l -> l.startsWith(webMyIp + "\t")), "the disconnect takes its address out: " + hostsLines);
    ok(DAEMON.daemon(), "rm", "-f", "db", "web");
    ok(DAEMON.daemon(), "network", "rm", "my_bridge");

    assertEquals(linksBefore, linkNames(DAEMON.daemon()), "links of the daemon's namespace");
    assertEquals(List.of(), DAEMON.daemon().netnsFilesLeft());
    String subnet = net.at("/IPAM/Config/0/Subnet").asText();
    String prefix = subnet.substring(0, subnet.lastIndexOf('.', subnet.indexOf('/')));
    String rules = onHost(DAEMON.daemon(), "iptables-save");
    assertTrue(rules.lines().noneMatch(l -> l.contains(prefix + ".")), "rules of " + subnet + " left:\n" + rules);
  }

  @Test
  void isolationBetweenNetworks_andPublishedPortFromLoopbackAndAClientNamespace() throws Exception {
    ok(DAEMON.daemon(), "network", "create", "--subnet", "10.241.0.0/24", "front");
    ok(DAEMON.daemon(), "network", "create", "--subnet", "10.242.0.0/24", "back");
    try (TestNetns client = TestNetns.create("cl")) {
      ok(DAEMON.daemon(), "run", "-d", "--net", "front", "--name", "site", "-p", "28490:80", "busybox",
          "httpd", "-f", "-p", "80", "-h", "/www");
      ok(DAEMON.daemon(), "run", "-d", "--net", "back", "--name", "other", "busybox", "sleep", "600");
      ok(DAEMON.daemon(), "run", "-d", "--net", "front", "--name", "peer", "busybox", "sleep", "600");
      String siteIp = ok(DAEMON.daemon(), "inspect", "-f", "{{(index .NetworkSettings.Networks \"front\").IPAddress}}",
          "site");
      assertTrue(fetches(DAEMON.daemon(), "peer", siteIp), "same network reaches");
      assertFalse(fetches(DAEMON.daemon(), "other", siteIp), "another network does not");

      assertTrue(curlFromHost(DAEMON.daemon(), "127.0.0.1:28490").contains(PAGE), "published port on loopback");
      // A client host on a link of its own to the daemon's namespace.
      String vethHost = "elth" + Long.toHexString(System.nanoTime() & 0xffffff);
      onHost(DAEMON.daemon(), "ip", "link", "add", vethHost, "type", "veth", "peer", "name", "eth0", "netns",
          client.path().toString());
      onHost(DAEMON.daemon(), "ip", "addr", "add", "192.0.2.1/30", "dev", vethHost);
      onHost(DAEMON.daemon(), "ip", "link", "set", vethHost, "up");
      client.execOk("ip", "addr", "add", "192.0.2.2/30", "dev", "eth0");
      client.execOk("ip", "link", "set", "eth0", "up");
      String fromClient = "";
      for (int i = 0; i < 30 && !fromClient.contains(PAGE); i++) {
        fromClient = client.exec("curl", "-sS", "-m", "2", "http://192.0.2.1:28490/").output();
      }
      assertTrue(fromClient.contains(PAGE), "published port from a client host: " + fromClient);
      assertEquals("0.0.0.0:28490", ok(DAEMON.daemon(), "port", "site", "80/tcp").lines().findFirst().orElse(""));
      onHost(DAEMON.daemon(), "ip", "link", "del", vethHost);
    } finally {
      docker(DAEMON.daemon(), "rm", "-f", "site", "other", "peer");
      docker(DAEMON.daemon(), "network", "rm", "front", "back");
    }
  }

  @Test
  void internalNetworkAndStaticIp() throws Exception {
    ok(DAEMON.daemon(), "network", "create", "--internal", "--subnet", "10.243.0.0/24", "inner");
    try {
      ok(DAEMON.daemon(), "run", "-d", "--net", "inner", "--ip", "10.243.0.50", "--name", "fixed", "busybox", "sleep", "600");
      assertEquals("10.243.0.50", ok(DAEMON.daemon(), "inspect", "-f",
          "{{(index .NetworkSettings.Networks \"inner\").IPAddress}}", "fixed"));
      assertFalse(ok(DAEMON.daemon(), "exec", "fixed", "ip", "route").contains("default"), "internal: no route out");
      assertTrue(inspect(DAEMON.daemon(), "network", "inspect", "inner").get("Internal").asBoolean());
      Result taken = docker(DAEMON.daemon(), "run", "-d", "--net", "inner", "--ip", "10.243.0.50", "--name", "twin",
          "busybox", "sleep", "600");
      assertNotEquals(0, taken.code());
      assertFalse(ok(DAEMON.daemon(), "ps", "-a", "--format", "{{.Names}}").contains("twin"), "nothing half-created");
    } finally {
      docker(DAEMON.daemon(), "rm", "-f", "fixed", "twin");
      docker(DAEMON.daemon(), "network", "rm", "inner");
    }
  }

  @Test
  void hostAndNoneModes_andConnectWhileStopped() throws Exception {
    String host = ok(DAEMON.daemon(), "run", "--rm", "--net", "host", "busybox", "ip", "-o", "link");
    assertTrue(host.contains(": el0:"), "host mode sees the daemon's namespace: " + host);
    String none = ok(DAEMON.daemon(), "run", "--rm", "--net", "none", "busybox", "ip", "-o", "link");
    assertEquals(1, none.lines().count(), none);
    assertTrue(none.contains(": lo:") && none.contains("UP"), "none mode: lo only, and up: " + none);

    ok(DAEMON.daemon(), "network", "create", "--subnet", "10.240.0.0/24", "later");
    try {
      ok(DAEMON.daemon(), "create", "--name", "idle", "busybox", "sleep", "600");
      ok(DAEMON.daemon(), "network", "connect", "--ip", "10.240.0.40", "--alias", "quiet", "later", "idle");
      ok(DAEMON.daemon(), "start", "idle");
      assertTrue(ok(DAEMON.daemon(), "exec", "idle", "ip", "-o", "-4", "addr", "show", "eth1").contains("10.240.0.40/24"));
      JsonNode networks = inspect(DAEMON.daemon(), "inspect", "idle").get("NetworkSettings").get("Networks");
      assertEquals("10.240.0.40", networks.get("later").get("IPAddress").asText(), networks.toString());
      assertTrue(networks.get("later").get("Aliases").toString().contains("quiet"), networks.toString());
    } finally {
      docker(DAEMON.daemon(), "rm", "-f", "idle");
      docker(DAEMON.daemon(), "network", "rm", "later");
    }
  }

  @Test
  void ipamExhaustionOfASlash29_clearErrorAndNothingHalfCreated() throws Exception {
    ok(DAEMON.daemon(), "network", "create", "--subnet", "10.244.0.0/29", "small");
    List<String> names = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        names.add("s" + i);
        ok(DAEMON.daemon(), "run", "-d", "--net", "small", "--name", "s" + i, "busybox", "sleep", "600");
      }
      names.add("s5");
      Result full = docker(DAEMON.daemon(), "run", "-d", "--net", "small", "--name", "s5", "busybox", "sleep", "600");
      assertNotEquals(0, full.code());
      assertTrue(full.err().contains("no available IPv4 addresses on this network's address pools: small"),
          full.err());
      assertFalse(ok(DAEMON.daemon(), "ps", "-a", "--format", "{{.Names}}").contains("s5"));
    } finally {
      List<String> rm = new ArrayList<>(List.of("rm", "-f"));
      rm.addAll(names);
      docker(DAEMON.daemon(), rm.toArray(new String[0]));
      docker(DAEMON.daemon(), "network", "rm", "small");
    }
  }

  @Test
  void badInputs_rightStatusOneMessageNothingCreated() throws Exception {
    RawApi api = DAEMON.daemon().api();
    int networksBefore = api.get("/v1.41/networks").json().size();
    int containersBefore = api.get("/v1.41/containers/json?all=1").json().size();
    assertStatus(400, "invalid CIDR", api.post("/v1.41/networks/create",
        Map.of("Name", "bad1", "IPAM", Map.of("Config", List.of(Map.of("Subnet", "10.9.0.0/40"))))));
    assertStatus(400, "gateway", api.post("/v1.41/networks/create", Map.of("Name", "bad2",
        "IPAM", Map.of("Config", List.of(Map.of("Subnet", "10.245.0.0/24", "Gateway", "10.246.0.1"))))));
    assertStatus(201, "", api.post("/v1.41/networks/create", Map.of("Name", "taken",
        "IPAM", Map.of("Config", List.of(Map.of("Subnet", "10.247.0.0/24"))))));
    assertStatus(403, "overlaps", api.post("/v1.41/networks/create", Map.of("Name", "bad3",
        "IPAM", Map.of("Config", List.of(Map.of("Subnet", "10.247.0.0/16"))))));
    assertStatus(409, "network with name taken already exists",
        api.post("/v1.41/networks/create", Map.of("Name", "taken", "CheckDuplicate", true)));
    assertStatus(404, "plugin \"nope\" not found",
        api.post("/v1.41/networks/create", Map.of("Name", "bad4", "Driver", "nope")));
    assertStatus(404, "network ghost not found",
        api.post("/v1.41/networks/ghost/connect", Map.of("Container", "whatever")));
    assertStatus(404, "No such container: ghost",
        api.post("/v1.41/networks/taken/connect", Map.of("Container", "ghost")));
    assertStatus(404, "network ghost not found", api.post("/v1.41/containers/create?name=c1",
        Map.of("Image", "busybox", "Cmd", List.of("true"), "HostConfig", Map.of("NetworkMode", "ghost"))));
    assertStatus(400, "invalid port specification", api.post("/v1.41/containers/create?name=c2", Map.of(
        "Image", "busybox", "Cmd", List.of("true"),
        "HostConfig", Map.of("PortBindings", Map.of("abc/tcp", List.of(Map.of("HostPort", "80")))))));
    String busy = ok(DAEMON.daemon(), "run", "-d", "-p", "28491:80", "--name", "holder", "busybox", "sleep", "600");
    try {
      Result clash = docker(DAEMON.daemon(), "run", "-d", "-p", "28491:81", "--name", "clash", "busybox", "sleep", "600");
      assertNotEquals(0, clash.code());
      assertTrue(clash.err().contains("port is already allocated"), clash.err());
      assertFalse(ok(DAEMON.daemon(), "ps", "-a", "--format", "{{.Names}}").contains("clash"));
    } finally {
      docker(DAEMON.daemon(), "rm", "-f", busy);
    }
    assertStatus(204, "", api.delete("/v1.41/networks/taken"));
    assertEquals(networksBefore, api.get("/v1.41/networks").json().size());
    assertEquals(containersBefore, api.get("/v1.41/containers/json?all=1").json().size());
  }

  private static void assertStatus(int status, String messagePart, RawApi.Response r) {
    assertEquals(status, r.status(), r.text());
    if (!messagePart.isEmpty()) {
      assertTrue(r.message().contains(messagePart), r.message());
    }
  }

  @Test
  void sigkillMidWayAndRestart_reconcilesAndKeepsServing() throws Exception {
    try (TestDaemon d = TestDaemon.start()) {
      BusyboxImage.importInto(d, "busybox", "latest");
      ok(d, "network", "create", "--subnet", "10.248.0.0/24", "n1");
      ok(d, "network", "create", "--subnet", "10.249.0.0/24", "n2");
      ok(d, "run", "-d", "--net", "n1", "--name", "keeper", "-p", "28492:80", "busybox",
          "httpd", "-f", "-p", "80", "-h", "/www");
      ok(d, "run", "-d", "--net", "n1", "--name", "goner", "busybox", "sleep", "600");
      ok(d, "network", "connect", "n2", "keeper");
      assertTrue(curlFromHost(d, "127.0.0.1:28492").contains(PAGE));

      d.kill9();
      d.restart();
      assertTrue(curlFromHost(d, "127.0.0.1:28492").contains(PAGE), "published port after restart\n" + d.log());
      JsonNode n1 = inspect(d, "network", "inspect", "n1");
      assertEquals(2, n1.get("Containers").size(), n1.toString());
      ok(d, "rm", "-f", "goner");
      // the address goner had is free again: a static request for it succeeds
      String keeperIp = ok(d, "inspect", "-f", "{{(index .NetworkSettings.Networks \"n1\").IPAddress}}", "keeper");
      String goneIp = n1.get("Containers").findValues("IPv4Address").stream().map(JsonNode::asText)
          .filter(ip -> !ip.startsWith(keeperIp + "/")).findFirst().orElseThrow();
      ok(d, "run", "-d", "--net", "n1", "--ip", goneIp.substring(0, goneIp.indexOf('/')), "--name", "reuse",
          "busybox", "sleep", "600");
      Result clash = docker(d, "run", "-d", "-p", "28492:80", "--name", "clash", "busybox", "sleep", "600");
      assertTrue(clash.err().contains("port is already allocated"), "the port stays held: " + clash.err());

      ok(d, "rm", "-f", "keeper", "reuse");
      ok(d, "network", "rm", "n1", "n2");
      assertEquals(List.of("el0", "lo"), linkNames(d));
      assertEquals(List.of(), d.netnsFilesLeft());
      String rules = onHost(d, "iptables-save");
      assertTrue(rules.lines().noneMatch(l -> l.contains("10.248.") || l.contains("10.249.")), rules);
    }
  }
}
