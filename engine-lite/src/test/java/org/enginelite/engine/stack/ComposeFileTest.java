package org.enginelite.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enginelite.engine.service.PublishedPort;
import org.enginelite.engine.service.PublishedPort.Mode;
import org.enginelite.engine.service.PublishedPort.Protocol;
import org.enginelite.engine.service.ResourceLimits;
import org.enginelite.engine.service.RestartCondition;
import org.enginelite.engine.service.ServiceMount;
import org.enginelite.engine.service.ServiceMount.Type;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

  static ComposeFile parse(String yaml) {
    return parse(yaml, Map.of());
  }

  static ComposeFile parse(String yaml, Map<String, String> env) {
    return ComposeFile.parse("docker-compose.yml", yaml, env, Path.of("/srv/proj"));
  }

  private static ComposeService web(String body) {
    return parse("version: \"3.8\"\nservices:\n  web:\n    image: app\n" + body
        + "networks:\n  webnet:\n  backend:\nvolumes:\n  data:\n").services().get("web");
  }

  @Test
  void image_andDefaults() {
    ComposeService s = web("");
    assertEquals("app", s.image());
    assertEquals(List.of(), s.command());
    assertEquals(ComposeDeploy.DEFAULT, s.deploy());
    assertEquals(3, s.line());
  }

  @Test
  void command_stringIsSplitLikeAShell() {
    assertEquals(List.of("redis-server", "--appendonly", "yes", "--dir", "/data"),
        web("    command: redis-server --appendonly yes --dir /data\n").command());
    assertEquals(List.of("sh", "-c", "echo 'a b' \"$x\""),
        web("    command: sh -c \"echo 'a b' \\\"$$x\\\"\"\n").command());
  }

  @Test
  void command_list() {
    assertEquals(List.of("httpd", "-f", "-p", "80"), web("    command: [\"httpd\", \"-f\", \"-p\", 80]\n").command());
  }

  @Test
  void environment_mapForm_keepsOrderAndTakesBareKeysFromEnv() {
    ComposeService s = parse("services:\n  web:\n    image: app\n    environment:\n      B: \"2\"\n      A: x\n"
        + "      FROM_SHELL:\n      UNSET:\n", Map.of("FROM_SHELL", "s")).services().get("web");
    assertEquals(List.of("B", "A", "FROM_SHELL"), List.copyOf(s.environment().keySet()));
    assertEquals(Map.of("B", "2", "A", "x", "FROM_SHELL", "s"), s.environment());
  }

  @Test
  void environment_listForm() {
    ComposeService s = parse("services:\n  web:\n    image: app\n    environment:\n      - NAME=World\n"
        + "      - EQ=a=b\n      - FROM_SHELL\n", Map.of("FROM_SHELL", "s")).services().get("web");
    assertEquals(Map.of("NAME", "World", "EQ", "a=b", "FROM_SHELL", "s"), s.environment());
  }

  @Test
  void ports_shortForms() {
    ComposeService s = web("    ports:\n      - \"4000:80\"\n      - \"80\"\n      - \"127.0.0.1:5000:53/udp\"\n"
        + "      - 22:22\n      - \"8000-8001:90-91\"\n");
    assertEquals(List.of(
        new PublishedPort(4000, 80, Protocol.TCP, Mode.INGRESS),
        new PublishedPort(0, 80, Protocol.TCP, Mode.INGRESS),
        new PublishedPort(5000, 53, Protocol.UDP, Mode.INGRESS),
        new PublishedPort(22, 22, Protocol.TCP, Mode.INGRESS),
        new PublishedPort(8000, 90, Protocol.TCP, Mode.INGRESS),
        new PublishedPort(8001, 91, Protocol.TCP, Mode.INGRESS)), s.ports());
  }

  @Test
  void ports_hostIp_warnsAndIsDropped() {
    ComposeFile f = parse("services:\n  web:\n    image: app\n    ports:\n      - \"127.0.0.1:4000:80\"\n");
    assertEquals(List.of(new ComposeWarning(5, "services.web.ports entry \"127.0.0.1:4000:80\": a host IP is not"
        + " supported by services and is ignored")), f.warnings());
  }

  @Test
  void ports_longSyntax() {
    ComposeService s = web("    ports:\n      - target: 80\n        published: 8080\n        protocol: udp\n"
        + "        mode: host\n      - target: 443\n");
    assertEquals(List.of(new PublishedPort(8080, 80, Protocol.UDP, Mode.HOST), PublishedPort.tcp(0, 443)),
        s.ports());
  }

  @Test
  void networks_listAndMapForms() {
    assertEquals(List.of(new ServiceNetwork("webnet", List.of()), new ServiceNetwork("backend", List.of())),
        web("    networks:\n      - webnet\n      - backend\n").networks());
    assertEquals(List.of(new ServiceNetwork("webnet", List.of("www", "front")),
            new ServiceNetwork("backend", List.of())),
        web("    networks:\n      webnet:\n        aliases: [www, front]\n      backend:\n").networks());
  }

  @Test
  void volumes_shortForms() {
    ComposeService s = web("    volumes:\n      - data:/data\n      - /home/docker/data:/data2:ro\n"
        + "      - ./conf:/etc/app\n      - /anon\n");
    assertEquals(List.of(
        new ServiceMount(Type.VOLUME, "data", "/data", false),
        new ServiceMount(Type.BIND, "/home/docker/data", "/data2", true),
        new ServiceMount(Type.BIND, "/srv/proj/conf", "/etc/app", false),
        new ServiceMount(Type.VOLUME, null, "/anon", false)), s.volumes());
  }

  @Test
  void volumes_longSyntax() {
    ComposeService s = web("    volumes:\n      - type: volume\n        source: data\n        target: /data\n"
        + "      - type: bind\n        source: /srv\n        target: /srv\n        read_only: true\n"
        + "      - type: tmpfs\n        target: /run\n");
    assertEquals(List.of(
        new ServiceMount(Type.VOLUME, "data", "/data", false),
        new ServiceMount(Type.BIND, "/srv", "/srv", true),
        new ServiceMount(Type.TMPFS, null, "/run", false)), s.volumes());
  }

  @Test
  void deploy_everySupportedKey() {
    ComposeDeploy d = web("    deploy:\n      mode: replicated\n      replicas: 5\n      resources:\n"
        + "        limits:\n          cpus: \"0.1\"\n          memory: 50M\n      restart_policy:\n"
        + "        condition: on-failure\n      placement:\n        constraints: [node.role == manager]\n"
        + "      labels:\n        tier: front\n").deploy();
    assertEquals(new ComposeDeploy(5, new ResourceLimits(100_000_000L, 50L * 1024 * 1024),
        RestartCondition.ON_FAILURE, List.of("node.role == manager"), true, Map.of("tier", "front")), d);
  }

  @Test
  void deploy_constraintsEvaluatedAgainstASingleManager() {
    assertTrue(web("    deploy:\n      placement:\n        constraints: [node.role != worker]\n").deploy()
        .placeable());
    assertFalse(web("    deploy:\n      placement:\n        constraints: [node.role == worker]\n").deploy()
        .placeable());
    assertFalse(web("    deploy:\n      placement:\n        constraints: [\"node.role!=manager\"]\n").deploy()
        .placeable());
  }

  @Test
  void deploy_otherConstraint_warnsAndHolds() {
    ComposeFile f = parse("services:\n  web:\n    image: app\n    deploy:\n      placement:\n        constraints:\n"
        + "          - node.hostname == n1\n");
    assertTrue(f.services().get("web").deploy().placeable());
    assertEquals(List.of(new ComposeWarning(7, "services.web.deploy.placement.constraints \"node.hostname == n1\""
        + " cannot be evaluated on this single node and is ignored")), f.warnings());
  }

  @Test
  void deploy_restartConditions() {
    assertEquals(RestartCondition.NONE,
        web("    deploy:\n      restart_policy:\n        condition: none\n").deploy().restartCondition());
    assertEquals(RestartCondition.ANY,
        web("    deploy:\n      restart_policy:\n        condition: any\n").deploy().restartCondition());
  }

  @Test
  void topLevelNetworks_allKeys() {
    ComposeFile f = parse("services:\n  web:\n    image: app\nnetworks:\n  webnet:\n  back:\n    driver: bridge\n"
        + "    driver_opts:\n      com.docker.network.bridge.name: elbr1\n    attachable: true\n    internal: true\n"
        + "    labels: [a=b]\n    ipam:\n      driver: default\n      config:\n        - subnet: 10.9.0.0/24\n"
        + "  outside:\n    external: true\n  legacy:\n    external:\n      name: the-real-one\n");
    assertEquals(ComposeNetwork.defaults("webnet"), f.networks().get("webnet"));
    assertEquals(new ComposeNetwork("back", "bridge", Map.of("com.docker.network.bridge.name", "elbr1"), false, null,
        true, true, Map.of("a", "b"), List.of("10.9.0.0/24")), f.networks().get("back"));
    assertTrue(f.networks().get("outside").external());
    assertEquals("the-real-one", f.networks().get("legacy").name());
    assertEquals(List.of(), f.warnings());
  }

  @Test
  void topLevelVolumes_allKeys() {
    ComposeFile f = parse("services:\n  web:\n    image: app\nvolumes:\n  data:\n  tuned:\n    driver: local\n"
        + "    driver_opts:\n      type: tmpfs\n      device: tmpfs\n    labels:\n      team: web\n"
        + "  shared:\n    external: true\n    name: shared-data\n");
    assertEquals(ComposeVolume.defaults("data"), f.volumes().get("data"));
    assertEquals(new ComposeVolume("tuned", "local", Map.of("type", "tmpfs", "device", "tmpfs"), false, null,
        Map.of("team", "web")), f.volumes().get("tuned"));
    assertEquals(new ComposeVolume("shared", null, Map.of(), true, "shared-data", Map.of()),
        f.volumes().get("shared"));
  }

  @Test
  void version_absentOrThreeX_accepted() {
    assertEquals("3", parse("services:\n  web:\n    image: app\n").version());
    assertEquals("3.9", parse("version: '3.9'\nservices:\n  web:\n    image: app\n").version());
  }

  @Test
  void unsupportedAndUnknownKeys_warnWithLine() {
    ComposeFile f = parse("version: \"3\"\nservices:\n  web:\n    image: app\n    build: .\n    deploy:\n"
        + "      update_config:\n        parallelism: 2\n    frobnicate: 1\n    x-note: fine\n"
        + "    healthcheck:\n      test: [\"CMD\", \"true\"]\nsecrets: {}\n");
    assertEquals(List.of(
        "warning: line 5: services.web.build is not supported and is ignored",
        "warning: line 7: services.web.deploy.update_config is not supported and is ignored",
        "warning: line 9: services.web.frobnicate is not a compose key and is ignored",
        "warning: line 11: services.web.healthcheck is not supported and is ignored",
        "warning: line 13: secrets is not supported and is ignored"),
        f.warnings().stream().map(ComposeWarning::toString).toList());
  }

  @Test
  void mergeKeys_expandAnchors() {
    ComposeFile f = parse("x-common: &common\n  image: app\n  environment:\n    A: \"1\"\nservices:\n"
        + "  web:\n    <<: *common\n    command: run\n");
    ComposeService s = f.services().get("web");
    assertEquals("app", s.image());
    assertEquals(Map.of("A", "1"), s.environment());
    assertEquals(List.of(), f.warnings());
  }

  @Test
  void interpolation_fromEnvWithDefaults() {
    ComposeFile f = parse("services:\n  web:\n    image: ${REPO}/app:${TAG:-latest}\n    deploy:\n"
        + "      replicas: ${N}\n    command: echo $$HOME\n", Map.of("REPO", "me", "N", "3"));
    ComposeService s = f.services().get("web");
    assertEquals("me/app:latest", s.image());
    assertEquals(3, s.deploy().replicas());
    assertEquals(List.of("echo", "$HOME"), s.command());
  }

  @Test
  void interpolation_unsetVariable_blankWithDockerWarning() {
    ComposeFile f = parse("services:\n  web:\n    image: app${SUFFIX}\n");
    assertEquals("app", f.services().get("web").image());
    assertEquals(List.of(new ComposeWarning(3, "The SUFFIX variable is not set. Defaulting to a blank string.")),
        f.warnings());
  }

  @Test
  void nullDeploySections_meanDefaults() {
    ComposeService s = web("    deploy:\n");
    assertEquals(1, s.deploy().replicas());
    assertNull(parse("services:\n  web:\n    image: app\nnetworks:\n  n:\n").networks().get("n").driver());
  }
}
