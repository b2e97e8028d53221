package org.enginelite.engine.network.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.network.EndpointRecord;
import org.enginelite.engine.network.NetworkCreateRequest;
import org.enginelite.engine.network.NetworkRecord;
import org.enginelite.engine.network.SubnetConfig;
import org.enginelite.engine.network.SubnetRequest;
import org.enginelite.engine.spi.ApiFilters;
import org.junit.jupiter.api.Test;

class NetworkApiMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void toRequest_dockerCliBody_readsEveryField() throws Exception {
    NetworkCreateJson body = JSON.readValue("{\"Name\":\"my_bridge\",\"CheckDuplicate\":true,\"Driver\":\"bridge\","
        + "\"Scope\":\"\",\"EnableIPv6\":false,\"IPAM\":{\"Driver\":\"default\",\"Options\":{},\"Config\":"
        + "[{\"Subnet\":\"10.7.0.0/24\",\"IPRange\":\"10.7.0.128/25\",\"Gateway\":\"10.7.0.1\","
        + "\"AuxiliaryAddresses\":{\"h\":\"10.7.0.5\"}}]},\"Internal\":true,\"Attachable\":true,\"Ingress\":false,"
        + "\"ConfigOnly\":false,\"ConfigFrom\":null,\"Options\":{\"com.docker.network.driver.mtu\":\"1400\"},"
        + "\"Labels\":{\"a\":\"b\"}}", NetworkCreateJson.class);
    NetworkCreateRequest r = NetworkApiMapper.toRequest(body);
    assertEquals(new NetworkCreateRequest("my_bridge", "bridge", true, true, Map.of("a", "b"),
        Map.of("com.docker.network.driver.mtu", "1400"),
        List.of(new SubnetRequest("10.7.0.0/24", "10.7.0.128/25", "10.7.0.1", Map.of("h", "10.7.0.5")))), r);
  }

  @Test
  void toRequest_unknownIpamDriverAndIpv6_areRefused() {
    assertEquals("plugin \"weird\" not found", assertThrows(NotFoundException.class, () -> NetworkApiMapper.toRequest(
        new NetworkCreateJson("n", true, "bridge", null, false, new NetworkCreateJson.Ipam("weird", null, null),
            false, false, false, false, null, null))).getMessage());
    assertThrows(InvalidParameterException.class, () -> NetworkApiMapper.toRequest(
        new NetworkCreateJson("n", true, "bridge", null, true, null, false, false, false, false, null, null)));
    assertThrows(InvalidParameterException.class, () -> NetworkApiMapper.toRequest(
        new NetworkCreateJson("bad name", true, "bridge", null, false, null, false, false, false, false, null,
            null)));
  }

  @Test
  void toJson_inspect_hasDockersFieldNamesAndContainersMap() throws Exception {
    NetworkRecord n = new NetworkRecord("a".repeat(64), "my_bridge", "bridge", "2026-01-01T00:00:00Z", false, true,
        false, Map.of("l", "v"), Map.of(), List.of(new SubnetConfig("p1", "172.18.0.0/16", null, "172.18.0.1",
            Map.of())));
    EndpointRecord e = new EndpointRecord("e".repeat(64), n.id(), "c".repeat(64), "db", "eth0", "172.18.0.2/16",
        "02:42:ac:12:00:02", false, List.of());
    JsonNode j = JSON.valueToTree(NetworkApiMapper.toJson(n, List.of(e)));
    assertEquals("my_bridge", j.get("Name").asText());
    assertEquals("local", j.get("Scope").asText());
    assertTrue(j.get("Attachable").asBoolean());
    assertFalse(j.get("Internal").asBoolean());
    assertEquals("172.18.0.0/16", j.at("/IPAM/Config/0/Subnet").asText());
    assertEquals("172.18.0.1", j.at("/IPAM/Config/0/Gateway").asText());
    assertFalse(j.at("/IPAM/Config/0").has("IPRange"), "empty fields are omitted as Docker does");
    JsonNode c = j.get("Containers").get("c".repeat(64));
    assertEquals("db", c.get("Name").asText());
    assertEquals("172.18.0.2/16", c.get("IPv4Address").asText());
    assertEquals("02:42:ac:12:00:02", c.get("MacAddress").asText());
    assertEquals("e".repeat(64), c.get("EndpointID").asText());
  }

  @Test
  void filtersParam_bothEncodings() {
    assertEquals(Map.of("name", List.of("web")), ApiFilters.values("{\"name\":{\"web\":true}}"));
    assertEquals(Map.of("label", List.of("a=b", "c")), ApiFilters.values("{\"label\":[\"a=b\",\"c\"]}"));
    assertThrows(InvalidParameterException.class, () -> ApiFilters.values("{oops"));
  }
}
