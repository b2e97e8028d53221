package org.enginelite.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enginelite.engine.service.PublishedPort;
import org.enginelite.engine.service.ResourceLimits;
import org.enginelite.engine.service.RestartCondition;
import org.enginelite.engine.service.ServiceMount;
import org.enginelite.engine.service.ServiceMount.Type;
import org.junit.jupiter.api.Test;

/** The getting-started files: the tutorial's own, and the one shipped in examples/. */
class SeedsComposeFileTest {

  /** Docker's "Get Started, Part 5: Stacks" docker-compose.yml, as the tutorial printed it. */
  static final String TUTORIAL = """
      version: "3"
      services:
        web:
          # replace username/repo:tag with your name and image details
          image: username/repo:tag
          deploy:
            replicas: 5
            restart_policy:
              condition: on-failure
            resources:
              limits:
                cpus: "0.1"
                memory: 50M
          ports:
            - "80:80"
          networks:
            - webnet
        visualizer:
          image: dockersamples/visualizer:stable
          ports:
            - "8080:8080"
          volumes:
            - "/var/run/docker.sock:/var/run/docker.sock"
          deploy:
            placement:
              constraints: [node.role == manager]
          networks:
            - webnet
        redis:
          image: redis
          ports:
            - "6379:6379"
          volumes:
            - "/home/docker/data:/data"
          deploy:
            placement:
              constraints: [node.role == manager]
          command: redis-server --appendonly yes
          networks:
            - webnet
      networks:
        webnet:
      """;

  static Path shippedFile() {
    // Surefire runs in the module directory; the examples live at the repository root.
    return Path.of("").toAbsolutePath().getParent().resolve("examples/getstartedlab/docker-compose.yml");
  }

  @Test
  void tutorialFile_parsesWithoutWarnings() {
    ComposeFile f = ComposeFileTest.parse(TUTORIAL);
    assertEquals(List.of("web", "visualizer", "redis"), List.copyOf(f.services().keySet()));
    ComposeService web = f.services().get("web");
    assertEquals(new ComposeDeploy(5, new ResourceLimits(100_000_000L, 52_428_800L), RestartCondition.ON_FAILURE,
        List.of(), true, Map.of()), web.deploy());
    assertEquals(List.of(PublishedPort.tcp(80, 80)), web.ports());
    ComposeService redis = f.services().get("redis");
    assertEquals(List.of(new ServiceMount(Type.BIND, "/home/docker/data", "/data", false)), redis.volumes());
    assertEquals(List.of("redis-server", "--appendonly", "yes"), redis.command());
    assertTrue(redis.deploy().placeable());
    assertEquals(List.of(new ServiceNetwork("webnet", List.of())), redis.networks());
    assertEquals(List.of(), f.warnings());
  }

  @Test
  void shippedFile_isTheTutorialAdapted() throws IOException {
    ComposeFile f = ComposeFile.parse("docker-compose.yml", Files.readString(shippedFile()), Map.of(),
        shippedFile().getParent());
    assertEquals(List.of(), f.warnings());
    assertEquals(List.of("web", "redis"), List.copyOf(f.services().keySet()));
    ComposeService web = f.services().get("web");
    assertEquals(5, web.deploy().replicas());
    assertEquals(new ResourceLimits(100_000_000L, 50L * 1024 * 1024), web.deploy().limits());
    assertEquals(RestartCondition.ON_FAILURE, web.deploy().restartCondition());
    assertEquals(List.of(PublishedPort.tcp(4000, 80)), web.ports());
    assertEquals(List.of("app-web"), web.command());
    ComposeService redis = f.services().get("redis");
    assertEquals(web.image(), redis.image());
    assertEquals(List.of("redis-server", "--appendonly", "yes", "--dir", "/data"), redis.command());
    assertEquals(List.of(PublishedPort.tcp(6379, 6379)), redis.ports());
    assertEquals(List.of(new ServiceMount(Type.VOLUME, "redis-data", "/data", false)), redis.volumes());
    assertEquals(List.of("node.role == manager"), redis.deploy().constraints());
    assertTrue(redis.deploy().placeable());
    assertEquals(List.of("webnet"), List.copyOf(f.networks().keySet()));
    assertEquals(List.of("redis-data"), List.copyOf(f.volumes().keySet()));
  }
}
