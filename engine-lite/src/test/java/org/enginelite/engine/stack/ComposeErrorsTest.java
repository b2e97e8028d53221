package org.enginelite.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.enginelite.driver.DriverException;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every invalid file fails with one line naming the file, the line and the problem. */
class ComposeErrorsTest {

  private static String error(String yaml) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> ComposeFileTest.parse(yaml, Map.of()));
    assertEquals(DriverException.ErrorKind.INVALID_PARAMETER, e.kind());
    return e.getMessage();
  }

  /** A file whose line 7 holds {@code entry} as its only port. */
  private static String portError(String entry) {
    return error("version: \"3\"\nservices:\n  web:\n    image: app\n    deploy:\n      replicas: 2\n"
        + "    ports: [\"" + entry + "\"]\n");
  }

  @Test
  void ports_notAPortMapping_namesEntryAndLine() {
    assertEquals("docker-compose.yml line 7: ports entry \"40x0:80\" is not a valid port mapping",
        portError("40x0:80"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "70000:80|docker-compose.yml line 7: ports entry \"70000:80\": published port 70000 is out of range 0-65535",
      "80:0|docker-compose.yml line 7: ports entry \"80:0\": target port 0 is out of range 1-65535",
      "80/icmp|docker-compose.yml line 7: ports entry \"80/icmp\": invalid protocol \"icmp\": must be tcp, udp or"
          + " sctp",
      "8000-8002:80-81|docker-compose.yml line 7: ports entry \"8000-8002:80-81\": published and"
          + " target port ranges differ in size",
      "1:2:3:4|docker-compose.yml line 7: ports entry \"1:2:3:4\" is not a valid port mapping"})
  void ports_invalid(String entry, String message) {
    assertEquals(message, portError(entry));
  }

  @Test
  void ports_longSyntaxWithoutTarget() {
    assertEquals("docker-compose.yml line 5: services.web.ports entry needs a target port",
        error("services:\n  web:\n    image: app\n    ports:\n      - published: 80\n"));
  }

  @Test
  void ports_notAList() {
    assertEquals("docker-compose.yml line 4: services.web.ports must be a list",
        error("services:\n  web:\n    image: app\n    ports: \"80:80\"\n"));
  }

  @Test
  void service_withoutImage() {
    assertEquals("docker-compose.yml line 3: service \"web\" has neither an image nor a build context specified",
        error("services:\n  ok:\n    image: a\n  web:\n    command: x\n".replace("  ok:\n    image: a\n", "")
            .replace("services:\n", "services:\n\n")));
  }

  @Test
  void service_undefinedNetwork() {
    assertEquals("docker-compose.yml line 6: service \"web\" refers to undefined network webnet",
        error("services:\n  web:\n    image: app\n    networks:\n      - default\n      - webnet\n"));
  }

  @Test
  void service_undefinedVolume() {
    assertEquals("docker-compose.yml line 5: service \"web\" refers to undefined volume data",
        error("services:\n  web:\n    image: app\n    volumes:\n      - data:/data\n"));
  }

  @Test
  void volumes_badModeAndRelativeTargetAndType() {
    assertEquals("docker-compose.yml line 5: volumes entry \"/a:/b:rx\" has an invalid mode \"rx\"",
        error("services:\n  web:\n    image: app\n    volumes:\n      - /a:/b:rx\n"));
    assertEquals("docker-compose.yml line 5: volumes entry \"/a:b\": invalid mount target \"b\": must be an"
        + " absolute path", error("services:\n  web:\n    image: app\n    volumes:\n      - /a:b\n"));
    assertEquals("docker-compose.yml line 5: volumes entry type \"npipe\" is not supported: must be volume, bind"
        + " or tmpfs", error("services:\n  web:\n    image: app\n    volumes:\n      - type: npipe\n"
        + "        target: /x\n"));
  }

  @Test
  void deploy_badValues() {
    String head = "services:\n  web:\n    image: app\n    deploy:\n";
    assertEquals("docker-compose.yml line 5: services.web.deploy.replicas must be an integer, got \"five\"",
        error(head + "      replicas: five\n"));
    assertEquals("docker-compose.yml line 6: services.web.deploy.restart_policy.condition: invalid restart"
        + " condition \"always\": must be one of none, on-failure, any",
        error(head + "      restart_policy:\n        condition: always\n"));
    assertEquals("docker-compose.yml line 7: invalid argument \"lots\" for"
        + " \"services.web.deploy.resources.limits.cpus\": failed to parse lots as a rational number",
        error(head + "      resources:\n        limits:\n          cpus: lots\n"));
    assertEquals("docker-compose.yml line 7: invalid argument \"50X\" for"
        + " \"services.web.deploy.resources.limits.memory\": invalid size: '50X'",
        error(head + "      resources:\n        limits:\n          memory: 50X\n"));
    assertEquals("docker-compose.yml line 6: invalid constraint \"node.role\": expected ATTRIBUTE==VALUE or"
        + " ATTRIBUTE!=VALUE", error(head + "      placement:\n        constraints: [node.role]\n"));
    assertEquals("docker-compose.yml line 5: services.web.deploy.mode \"sharded\" must be replicated or global",
        error(head + "      mode: sharded\n"));
  }

  @Test
  void version_notThree() {
    assertEquals("docker-compose.yml line 1: version \"2.4\" is not supported: stacks need a version 3 compose"
        + " file", error("version: \"2.4\"\nservices:\n  web:\n    image: app\n"));
  }

  @Test
  void yamlSyntaxError_hasItsLine() {
    String m = error("services:\n  web:\n    image: app\n   ports: [\n");
    assertEquals("docker-compose.yml line 4: invalid YAML:", m.substring(0, m.indexOf(':', 28) + 1));
  }

  @Test
  void duplicateKey() {
    assertEquals("docker-compose.yml line 4: duplicate key services.web.image",
        error("services:\n  web:\n    image: app\n    image: other\n"));
  }

  @Test
  void externalNetworkWithDriver_conflicts() {
    assertEquals("docker-compose.yml line 7: conflicting parameters \"external\" and \"driver\" specified for"
        + " networks.n", error("services:\n  web:\n    image: app\nnetworks:\n  n:\n    external: true\n"
        + "    driver: bridge\n"));
  }

  @Test
  void command_unterminatedQuote() {
    assertEquals("docker-compose.yml line 4: services.web.command has an unterminated quote",
        error("services:\n  web:\n    image: app\n    command: echo 'oops\n"));
  }

  @Test
  void interpolation_badFormatAndRequiredVariable() {
    assertEquals("docker-compose.yml line 3: invalid interpolation format for services.web.image: \"app${\";"
        + " you may need to escape any $ with another $", error("services:\n  web:\n    image: app${\n"));
    assertEquals("docker-compose.yml line 3: required variable TAG is missing a value: set TAG",
        error("services:\n  web:\n    image: app:${TAG:?set TAG}\n"));
  }

  @Test
  void emptyFileOrNoServices() {
    assertEquals("docker-compose.yml line 1: the file is empty", error(""));
    assertEquals("docker-compose.yml line 2: the file defines no services", error("version: \"3\"\nservices:\n"));
    assertEquals("docker-compose.yml line 1: services must be a mapping", error("services: [a]\n"));
  }
}
