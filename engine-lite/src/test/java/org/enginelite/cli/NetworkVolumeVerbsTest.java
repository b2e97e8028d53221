package org.enginelite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.enginelite.cli.FakeDaemon.Reply;
import org.junit.jupiter.api.Test;

class NetworkVolumeVerbsTest {

  @Test
  void networkCreate_allFlags_groupsIpamBySubnetAndPrintsId() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(201, "{\"Id\":\"" + "c".repeat(64) + "\"}"))) {
      CliRun run = CliRun.of(d.uri(), "network", "create", "-d", "bridge", "--subnet", "10.1.0.0/24",
          "--subnet", "10.2.0.0/16", "--gateway", "10.2.0.1", "--ip-range", "10.1.0.128/25", "--aux-address",
          "a=10.1.0.5", "--internal", "--attachable", "--label", "k=v",
          "-o", "com.docker.network.bridge.name=elbr1", "my_bridge");
      assertEquals(0, run.status(), run.err());
      assertEquals("c".repeat(64) + "\n", run.out());
      JsonNode body = Json.mapper().readTree(d.apiRequests().get(0).body());
      assertEquals("/v1.41/networks/create", d.apiRequests().get(0).path());
      assertEquals("my_bridge", body.path("Name").asText());
      assertEquals("bridge", body.path("Driver").asText());
      assertEquals("[{\"Subnet\":\"10.1.0.0/24\",\"IPRange\":\"10.1.0.128/25\",\"AuxiliaryAddresses\":"
          + "{\"a\":\"10.1.0.5\"}},{\"Subnet\":\"10.2.0.0/16\",\"Gateway\":\"10.2.0.1\"}]",
          body.path("IPAM").path("Config").toString());
      assertEquals(true, body.path("Internal").asBoolean());
      assertEquals(true, body.path("Attachable").asBoolean());
      assertEquals("{\"com.docker.network.bridge.name\":\"elbr1\"}", body.path("Options").toString());
      assertEquals("{\"k\":\"v\"}", body.path("Labels").toString());
    }
  }

  @Test
  void networkCreate_gatewayOutsideEverySubnet_failsBeforeSending() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(201, "{}"))) {
      CliRun run = CliRun.of(d.uri(), "network", "create", "--subnet", "10.1.0.0/24", "--gateway", "10.9.0.1", "n");
      assertEquals(1, run.status());
      assertEquals("no matching subnet for gateway 10.9.0.1\n", run.err());
      assertEquals(0, d.apiRequests().size());
    }
  }

  @Test
  void networkConnectAndDisconnect_sendDockersBodies() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(200, ""))) {
      assertEquals(0, CliRun.of(d.uri(), "network", "connect", "--ip", "10.1.0.9", "--alias", "w", "my_bridge",
          "web").status());
      assertEquals(0, CliRun.of(d.uri(), "network", "disconnect", "-f", "my_bridge", "web").status());
      assertEquals("/v1.41/networks/my_bridge/connect", d.apiRequests().get(0).path());
      assertEquals("{\"Container\":\"web\",\"EndpointConfig\":{\"IPAMConfig\":{\"IPv4Address\":\"10.1.0.9\"},"
          + "\"Aliases\":[\"w\"]}}", d.apiRequests().get(0).body());
      assertEquals("{\"Container\":\"web\",\"Force\":true}", d.apiRequests().get(1).body());
    }
  }

  @Test
  void networkLs_sortedByName_dockersColumns() throws Exception {
    String list = "[{\"Name\":\"my_bridge\",\"Id\":\"" + "a".repeat(64) + "\",\"Driver\":\"bridge\","
        + "\"Scope\":\"local\"},{\"Name\":\"bridge\",\"Id\":\"" + "b".repeat(64) + "\",\"Driver\":\"bridge\","
        + "\"Scope\":\"local\"}]";
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(200, list))) {
      CliRun run = CliRun.of(d.uri(), "network", "ls", "--filter", "driver=bridge");
      assertEquals(String.join("\n",
          "NETWORK ID     NAME        DRIVER    SCOPE",
          "bbbbbbbbbbbb   bridge      bridge    local",
          "aaaaaaaaaaaa   my_bridge   bridge    local", ""), run.out());
      assertEquals("filters={\"driver\":{\"bridge\":true}}", d.apiRequests().get(0).query());
    }
  }

  @Test
  void networkInspect_missing_saysNoSuchNetwork() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(404, "{\"message\":\"network nope not found\"}"))) {
      CliRun run = CliRun.of(d.uri(), "network", "inspect", "nope");
      assertEquals(1, run.status());
      assertEquals("[]\n", run.out());
      assertEquals("Error: No such network: nope\n", run.err());
    }
  }

  @Test
  void volumeCreate_optsAndLabels_sendsDockersBody() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(201, "{\"Name\":\"my-vol\",\"Driver\":\"local\"}"))) {
      CliRun run = CliRun.of(d.uri(), "volume", "create", "--opt", "type=tmpfs", "--opt", "o=size=64m",
          "--label", "a=b", "my-vol");
      assertEquals("my-vol\n", run.out());
      assertEquals("{\"Driver\":\"local\",\"DriverOpts\":{\"type\":\"tmpfs\",\"o\":\"size=64m\"},"
          + "\"Labels\":{\"a\":\"b\"},\"Name\":\"my-vol\"}", d.apiRequests().get(0).body());
    }
  }

  @Test
  void volumeLsAndPrune_printAsDocker() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> r.path().endsWith("/prune")
        ? Reply.json(200, "{\"VolumesDeleted\":[\"old\"],\"SpaceReclaimed\":1234}")
        : Reply.json(200, "{\"Volumes\":[{\"Name\":\"my-vol\",\"Driver\":\"local\"}],\"Warnings\":[]}"))) {
      assertEquals("DRIVER    VOLUME NAME\nlocal     my-vol\n", CliRun.of(d.uri(), "volume", "ls").out());
      assertEquals("Deleted Volumes:\nold\n\nTotal reclaimed space: 1.23kB\n",
          CliRun.of(d.uri(), "volume", "prune", "-f").out());
    }
  }

  @Test
  void volumeRm_inUse_printsDaemonsReason() throws Exception {
    try (FakeDaemon d = new FakeDaemon(r -> Reply.json(409,
        "{\"message\":\"remove my-vol: volume is in use - [abc]\"}"))) {
      CliRun run = CliRun.of(d.uri(), "volume", "rm", "my-vol");
      assertEquals(1, run.status());
      assertEquals("Error response from daemon: remove my-vol: volume is in use - [abc]\n", run.err());
    }
  }
}
