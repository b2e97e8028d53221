package org.enginelite.engine.dns;

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

/**
 * Containers of a real daemon finding each other by name: on a user-defined network by container name, network
 * alias and short id (nslookup, ping, wget against the embedded DNS at 127.0.0.11), on the default bridge not at
 * all; names follow disconnect, and the servers come back in running containers after the daemon is killed.
 */
@Privileged
class NameResolutionIT {

  @RegisterExtension
  static final DaemonExtension DAEMON = DaemonExtension.withBusybox("busybox");

  private static String run(String name, String network, List<String> aliases, List<String> cmd) {
    Map<String, Object> endpoint = aliases.isEmpty() ? Map.of() : Map.of("Aliases", aliases);
    RawApi.Response r = DAEMON.api().post("/v1.41/containers/create?name=" + name, Map.of("Image", "busybox", "Cmd", cmd,
        "HostConfig", Map.of("NetworkMode", network),
        "NetworkingConfig", Map.of("EndpointsConfig", Map.of(network, endpoint))));
    assertEquals(201, r.status(), r.text());
    String id = r.json().path("Id").asText();
    RawApi.Response start = DAEMON.api().post("/v1.41/containers/" + id + "/start");
    assertEquals(204, start.status(), start.text() + "\n" + DAEMON.daemon().log());
    return id;
  }

  /** Runs a one-shot client container on {@code network} and returns its output and exit code. */
  private static String client(String name, String network, String script) {
    String id = run(name, network, List.of(), List.of("sh", "-c", script));
    RawApi.Response w = DAEMON.api().post("/v1.41/containers/" + id + "/wait");
    assertEquals(200, w.status(), w.text());
    String[] out = DAEMON.api().get("/v1.41/containers/" + id + "/logs?stdout=1&stderr=1").demux();
    DAEMON.api().delete("/v1.41/containers/" + id + "?force=1");
    return "exit=" + w.json().path("StatusCode").asInt() + "\n" + out[0] + out[1];
  }

  /** The output between "== name" and the next marker. */
  private static String section(String out, String name) {
    int start = out.indexOf("== " + name + "\n");
    if (start < 0) {
      return "";
    }
    int end = out.indexOf("== ", start + 3);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  private static String ipOn(String container, String network) {
    JsonNode n = DAEMON.api().get("/v1.41/containers/" + container + "/json").json()
        .path("NetworkSettings").path("Networks").path(network);
    return n.path("IPAddress").asText();
  }

  @Test
  void userDefinedNetwork_resolvesNameAliasAndShortId_defaultBridgeDoesNot() throws Exception {
    assertEquals(201, DAEMON.api().post("/v1.41/networks/create", Map.of("Name", "dns_net", "Driver", "bridge")).status());
    String web = run("web", "dns_net", List.of("frontend"),
        List.of("sh", "-c", "mkdir -p /www && echo hello-from-web > /www/index.html && httpd -f -p 80 -h /www"));
    run("db", "dns_net", List.of(), List.of("sleep", "600"));
    String webIp = ipOn("web", "dns_net");
    String dbIp = ipOn("db", "dns_net");
    assertFalse(webIp.isEmpty(), DAEMON.api().get("/v1.41/containers/web/json").text());

    String out = client("asker", "dns_net", "cat /etc/resolv.conf; for n in web frontend " + web.substring(0, 12)
        + " web.dns_net db; do echo \"== $n\"; nslookup $n; done; ping -c1 -W2 web && wget -qO- http://web/");
    assertTrue(out.startsWith("exit=0"), out);
    assertTrue(out.contains("nameserver 127.0.0.11"), out);
    for (String name : List.of("web", "frontend", web.substring(0, 12), "web.dns_net")) {
      assertTrue(section(out, name).contains(webIp), name + " in\n" + out);
    }
    assertTrue(section(out, "db").contains(dbIp), out);
    assertTrue(out.contains("hello-from-web"), out);

    run("lonely", "bridge", List.of(), List.of("sleep", "600"));
    String onBridge = client("bridge-asker", "bridge",
        "cat /etc/resolv.conf; nslookup lonely 127.0.0.11; ping -c1 -W2 lonely");
    assertFalse(onBridge.startsWith("exit=0"), onBridge);
    assertFalse(onBridge.contains("nameserver 127.0.0.11"), onBridge);

    assertEquals(200, DAEMON.api().post("/v1.41/networks/dns_net/disconnect", Map.of("Container", "web")).status());
    String afterDisconnect = client("asker2", "dns_net", "nslookup web");
    assertFalse(afterDisconnect.contains("Address: " + webIp), afterDisconnect);
    for (String c : List.of("web", "db", "lonely")) {
      DAEMON.api().delete("/v1.41/containers/" + c + "?force=1");
    }
    assertEquals(204, DAEMON.api().delete("/v1.41/networks/dns_net").status());
  }

  @Test
  void daemonKilled_runningContainersResolveAgainAfterRestart() throws Exception {
    assertEquals(201, DAEMON.api().post("/v1.41/networks/create", Map.of("Name", "dns_kill", "Driver", "bridge")).status());
    run("k-web", "dns_kill", List.of(), List.of("sleep", "600"));
    run("k-db", "dns_kill", List.of(), List.of("sleep", "600"));
    String webIp = ipOn("k-web", "dns_kill");
    DAEMON.daemon().kill9();
    DAEMON.daemon().restart();
    RawApi.Response exec = DAEMON.api().post("/v1.41/containers/k-db/exec",
        Map.of("Cmd", List.of("nslookup", "k-web"), "AttachStdout", true, "AttachStderr", true));
    String out;
    if (exec.status() == 201) {
      String execId = exec.json().path("Id").asText();
      String[] streams = DAEMON.api().post("/v1.41/exec/" + execId + "/start", Map.of("Detach", false)).demux();
      out = streams[0] + streams[1];
    } else {
      out = client("k-asker", "dns_kill", "nslookup k-web");
    }
    assertTrue(out.contains("Address: " + webIp), out + "\n" + DAEMON.daemon().log());
    for (String c : List.of("k-web", "k-db")) {
      DAEMON.api().delete("/v1.41/containers/" + c + "?force=1");
    }
    DAEMON.api().delete("/v1.41/networks/dns_kill");
  }
}
