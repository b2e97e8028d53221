package org.enginelite.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.image.ImageRecord.ImageConfig;
import org.enginelite.engine.spi.OciMount;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ImageConfig IMAGE = new ImageConfig(List.of("httpd", "-f"), List.of(),
      List.of("PATH=/bin", "A=image"), "/www", "");

  private static ObjectNode request(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void parse_mergesImageDefaults_requestWins() throws Exception {
    ContainerSpec s = ContainerSpec.parse(request("{\"Image\":\"x\",\"Env\":[\"A=req\",\"B=2\"]}"), IMAGE);
    assertEquals(List.of("httpd", "-f"), s.args());
    assertEquals(List.of("PATH=/bin", "A=req", "B=2"), s.env());
    assertEquals("/www", s.workingDir());
  }

  @Test
  void parse_entrypointInRequest_dropsImageCmd() throws Exception {
    ContainerSpec s = ContainerSpec.parse(request("{\"Image\":\"x\",\"Entrypoint\":[\"/bin/sh\"]}"), IMAGE);
    assertEquals(List.of("/bin/sh"), s.args());
  }

  @Test
  void parse_rejectsBadInput() {
    assertThrows(InvalidParameterException.class, () -> ContainerSpec.parse(request("{}"), null));
    assertThrows(InvalidParameterException.class, () -> ContainerSpec.parse(
        request("{\"Image\":\"x\",\"HostConfig\":{\"AutoRemove\":true,\"RestartPolicy\":{\"Name\":\"always\"}}}"), null));
    assertThrows(InvalidParameterException.class, () -> ContainerSpec.parse(
        request("{\"Image\":\"x\",\"WorkingDir\":\"relative\"}"), null));
    assertThrows(InvalidParameterException.class, () -> ContainerSpec.parse(
        request("{\"Image\":\"x\",\"HostConfig\":{\"Memory\":1024}}"), null));
  }

  @Test
  void ociSpec_limitsNetnsCgroupAndMounts() throws Exception {
    ContainerSpec s = ContainerSpec.parse(request("{\"Image\":\"x\",\"Cmd\":[\"sleep\",\"1\"],"
        + "\"HostConfig\":{\"NanoCpus\":100000000,\"Memory\":52428800}}"), IMAGE);
    String id = "a".repeat(64);
    ContainerPaths paths = ContainerPaths.of(Path.of("/data"), Path.of("/exec"), id);
    ObjectNode config = new OciSpecBuilder(JSON).build(id, s, paths, new UserIds(0, 0, List.of()),
        List.of("EXTRA=1"), List.of(new OciMount("/data", "bind", "/vol", List.of("rbind"))));
    assertEquals(10000, config.at("/linux/resources/cpu/quota").asLong());
    assertEquals(100000, config.at("/linux/resources/cpu/period").asLong());
    assertEquals(52428800, config.at("/linux/resources/memory/limit").asLong());
    assertEquals("/el/" + id, config.at("/linux/cgroupsPath").asText());
    assertEquals("aaaaaaaaaaaa", config.at("/hostname").asText());
    assertEquals("/exec/netns/el-aaaaaaaaaaaa", config.at("/linux/namespaces/1/path").asText());
    assertEquals("EXTRA=1", config.at("/process/env").get(config.at("/process/env").size() - 1).asText());
    assertEquals("/data", config.at("/mounts").get(config.at("/mounts").size() - 1).path("destination").asText());
  }
}
