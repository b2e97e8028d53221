package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.enginelite.driver.DriverException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.network.PortBinding;
import org.junit.jupiter.api.Test;

class ContainerNetworkConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ContainerNetworkConfig parse(String request) throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(request);
    ObjectNode hc = r.has("HostConfig") ? (ObjectNode) r.get("HostConfig") : JSON.createObjectNode();
    ObjectNode nc = r.has("NetworkingConfig") ? (ObjectNode) r.get("NetworkingConfig") : JSON.createObjectNode();
    return ContainerNetworkConfig.parse(r, hc, nc);
  }

  @Test
  void parse_noNetworkMode_joinsDefaultBridge() throws Exception {
    ContainerNetworkConfig c = parse("{}");
    assertEquals(ContainerNetworkConfig.Mode.NETWORKS, c.mode());
    assertEquals(List.of(new EndpointRequest("bridge", Optional.empty(), List.of())), c.endpoints());
  }

  @Test
  void parse_userNetworkWithIpAndAliases_primaryFirstThenOthers() throws Exception {
    ContainerNetworkConfig c = parse("{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"},\"NetworkingConfig\":"
        + "{\"EndpointsConfig\":{\"other\":{},\"my_bridge\":{\"IPAMConfig\":{\"IPv4Address\":\"10.9.0.7\"},"
        + "\"Aliases\":[\"db\",\"db\",\"\"]}}}}");
    assertEquals(List.of(new EndpointRequest("my_bridge", Optional.of("10.9.0.7"), List.of("db")),
        new EndpointRequest("other", Optional.empty(), List.of())), c.endpoints());
  }

  @Test
  void parse_hostAndNoneModes_haveNoEndpointsAndNoPorts() throws Exception {
    ContainerNetworkConfig host = parse("{\"HostConfig\":{\"NetworkMode\":\"host\",\"PortBindings\":"
        + "{\"80/tcp\":[{\"HostPort\":\"8080\"}]}}}");
    assertEquals(ContainerNetworkConfig.Mode.HOST, host.mode());
    assertTrue(host.endpoints().isEmpty());
    assertTrue(host.ports().isEmpty());
    assertEquals(ContainerNetworkConfig.Mode.NONE, parse("{\"HostConfig\":{\"NetworkMode\":\"none\"}}").mode());
  }

  @Test
  void parse_hostModeWithAnotherNetwork_isRefused() {
    DriverException e = assertThrows(DriverException.class, () -> parse("{\"HostConfig\":{\"NetworkMode\":\"host\"},"
        + "\"NetworkingConfig\":{\"EndpointsConfig\":{\"my_bridge\":{}}}}"));
    assertTrue(e.getMessage().contains("cannot be connected to any other network"), e.getMessage());
  }

  @Test
  void parse_portBindings_explicitRangeUdpAndRandom() throws Exception {
    ContainerNetworkConfig c = parse("{\"HostConfig\":{\"PortBindings\":{"
        + "\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8080\"}],"
        + "\"53/udp\":[{\"HostIp\":\"\",\"HostPort\":\"5353\"}],"
        + "\"81\":[{\"HostPort\":\"9000-9010\"}],"
        + "\"82/tcp\":[{\"HostPort\":\"\"}]}}}");
    assertEquals(List.of(
        new PortRequest(PortBinding.Protocol.TCP, 80, "127.0.0.1", 8080, 8080),
        new PortRequest(PortBinding.Protocol.UDP, 53, "0.0.0.0", 5353, 5353),
        new PortRequest(PortBinding.Protocol.TCP, 81, "0.0.0.0", 9000, 9010),
        new PortRequest(PortBinding.Protocol.TCP, 82, "0.0.0.0", 0, 0)), c.ports());
    assertEquals(Set.of("80/tcp", "53/udp", "81/tcp", "82/tcp"), c.exposedPorts());
  }

  @Test
  void parse_publishAll_givesEveryUnboundExposedPortARandomHostPort() throws Exception {
    ContainerNetworkConfig c = parse("{\"ExposedPorts\":{\"80/tcp\":{},\"443/tcp\":{}},\"HostConfig\":{"
        + "\"PublishAllPorts\":true,\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"8080\"}]}}}");
    assertEquals(List.of(new PortRequest(PortBinding.Protocol.TCP, 80, "0.0.0.0", 8080, 8080),
        new PortRequest(PortBinding.Protocol.TCP, 443, "0.0.0.0", 0, 0)), c.ports());
  }

  @Test
  void parse_badPortSpecs_areInvalidParameterWithDockersMessages() {
    assertMessage("invalid port specification: \"abc/tcp\"",
        "{\"HostConfig\":{\"PortBindings\":{\"abc/tcp\":[{\"HostPort\":\"80\"}]}}}");
    assertMessage("invalid hostPort: 99999",
        "{\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"99999\"}]}}}");
    assertMessage("invalid proto: sctp", "{\"HostConfig\":{\"PortBindings\":{\"80/sctp\":[{\"HostPort\":\"80\"}]}}}");
    assertMessage("invalid containerPort: 0", "{\"ExposedPorts\":{\"0/tcp\":{}}}");
    assertMessage("invalid IPv4 address \"1.2.3\"",
        "{\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"1.2.3\",\"HostPort\":\"80\"}]}}}");
  }

  @Test
  void parse_containerNetworkMode_hasNoEndpointsOrPorts() throws Exception {
    ContainerNetworkConfig c = parse("{\"HostConfig\":{\"NetworkMode\":\"container:abc\"}}");
    assertEquals(ContainerNetworkConfig.Mode.CONTAINER, c.mode());
    assertEquals(List.of(), c.endpoints());
    assertEquals(List.of(), c.ports());
    assertMessage("invalid container format container:<name|id>", "{\"HostConfig\":{\"NetworkMode\":\"container:\"}}");
  }

  @Test
  void checkJoinable_refusesWhatTheJoinedNamespaceDecides() throws Exception {
    assertJoinRefused("conflicting options: hostname and the network mode", "{\"Hostname\":\"h\"}", "{}");
    assertJoinRefused("conflicting options: dns and the network mode", "{}", "{\"Dns\":[\"1.1.1.1\"]}");
    assertJoinRefused("conflicting options: custom host-to-IP mapping and the network mode", "{}",
        "{\"ExtraHosts\":[\"a:1.2.3.4\"]}");
    assertJoinRefused("conflicting options: mac-address and the network mode", "{\"MacAddress\":\"02:42:ac:11:00:02\"}",
        "{}");
    assertJoinRefused("conflicting options: port publishing and the container type network mode", "{}",
        "{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"80\"}]}}");
    assertJoinRefused("conflicting options: port publishing and the container type network mode", "{}",
        "{\"PublishAllPorts\":true}");
    ContainerNetworkConfig.checkJoinable((ObjectNode) JSON.readTree("{\"Hostname\":\"\"}"),
        (ObjectNode) JSON.readTree("{\"Dns\":[],\"PortBindings\":{}}"));
  }

  private static void assertJoinRefused(String expected, String request, String hostConfig) throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(request);
    ObjectNode hc = (ObjectNode) JSON.readTree(hostConfig);
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> ContainerNetworkConfig.checkJoinable(r, hc));
    assertEquals(expected, e.getMessage());
  }

  private static void assertMessage(String expected, String request) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parse(request));
    assertEquals(expected, e.getMessage());
  }
}
