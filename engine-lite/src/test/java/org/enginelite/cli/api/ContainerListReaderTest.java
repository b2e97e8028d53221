package org.enginelite.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerListReaderTest {

  private final ContainerListReader reader = new ContainerListReader(new JsonFactory());

  private List<ContainerSummary> read(String json) throws IOException {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_dockersFields_skipsTheRest() throws IOException {
    List<ContainerSummary> list = read("[{\"Id\":\"abc\",\"Names\":[\"/web\",\"/x/web\"],\"Image\":\"busybox\","
        + "\"ImageID\":\"sha256:1\",\"Command\":\"sh\",\"Created\":1700000000,\"Ports\":[{\"IP\":\"0.0.0.0\","
        + "\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"},{\"PrivatePort\":53,\"Type\":\"udp\"}],"
        + "\"Labels\":{\"a\":\"b\"},\"State\":\"running\",\"Status\":\"Up 2 minutes\","
        + "\"HostConfig\":{\"NetworkMode\":\"default\"},\"NetworkSettings\":{\"Networks\":{\"bridge\":{}}},"
        + "\"Mounts\":[{\"Type\":\"volume\"}]},{\"Id\":\"def\"}]");
    assertEquals(List.of(
        new ContainerSummary("abc", List.of("/web", "/x/web"), "busybox", "sh", 1700000000L, "Up 2 minutes",
            List.of(new ContainerSummary.Port("0.0.0.0", 80, 8080, "tcp"),
                new ContainerSummary.Port("", 53, 0, "udp"))),
        new ContainerSummary("def", List.of(), "", "", 0, "", List.of())), list);
  }

  @Test
  void read_nullsAndOddTypes_readAsJsonNodeWould() throws IOException {
    List<ContainerSummary> list = read("[{\"Id\":null,\"Names\":null,\"Image\":{\"x\":[1]},\"Command\":[\"sh\"],"
        + "\"Created\":\"12\",\"Ports\":[{\"IP\":null,\"PrivatePort\":\"80\",\"Type\":null}],\"Status\":7}]");
    assertEquals(List.of(new ContainerSummary("", List.of(), "", "", 12, "7",
        List.of(new ContainerSummary.Port("", 80, 0, "tcp")))), list);
  }

  @Test
  void read_emptyList_none() throws IOException {
    assertEquals(List.of(), read("[]"));
  }

  @Test
  void read_notAList_fails() {
    assertThrows(IOException.class, () -> read("{\"message\":\"x\"}"));
    assertThrows(IOException.class, () -> read("[{\"Id\":\"abc\""));
  }
}
