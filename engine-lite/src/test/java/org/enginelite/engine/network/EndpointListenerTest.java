package org.enginelite.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enginelite.driver.ForbiddenException;
import org.enginelite.ipam.DefaultAddressPools;
import org.enginelite.ipam.DefaultIpamDriver;
import org.enginelite.ipam.HostNetworks;
import org.enginelite.state.SqliteStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container networking tells listeners of running endpoints, after commit and never for rolled-back work. */
class EndpointListenerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private SqliteStateStore state;
  private NetworkService networks;
  private ContainerNetworking networking;
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    state = SqliteStateStore.open(dir);
    RecordingNetworkDriver driver = new RecordingNetworkDriver();
    DefaultIpamDriver ipam = new DefaultIpamDriver(state, DefaultAddressPools.docker(), HostNetworks.none());
    networks = new NetworkService(new NetworkStore(state), ipam, driver);
    networking = new ContainerNetworking(networks, ipam, driver);
    networks.ensurePredefined();
    networking.addListener(new EndpointListener() {
      @Override
      public void attached(EndpointRecord e, Path netns) {
        events.add("+" + e.containerName() + "@" + networks.find(e.networkId()).name() + " " + netns.getFileName());
      }

      @Override
      public void detached(EndpointRecord e) {
        events.add("-" + e.containerName() + "@" + networks.find(e.networkId()).name());
      }
    });
  }

  @AfterEach
  void tearDown() {
    state.close();
  }

  private ContainerHandle container(String name, String id, String request) throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(request);
    ObjectNode hc = r.has("HostConfig") ? (ObjectNode) r.get("HostConfig") : JSON.createObjectNode();
    return new ContainerHandle(id, name, ContainerNetworkConfig.parse(r, hc, JSON.createObjectNode()),
        dir.resolve("netns-" + name));
  }

  @Test
  void lifecycle_startConnectDisconnectStopRemove_areAnnounced() throws Exception {
    NetworkRecord n = networks.create(new NetworkCreateRequest("my_bridge", "bridge", false, false, Map.of(),
        Map.of(), List.of()));
    ContainerHandle web = container("web", "%064x".formatted(1), "{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"}}");
    networking.validate(web);
    state.transact(() -> networking.create(web));
    assertEquals(List.of(), events);
    networking.start(web);
    assertEquals(List.of("+web@my_bridge netns-web"), events);

    events.clear();
    NetworkRecord bridge = networks.find("bridge");
    networking.connect(web, true, bridge, new EndpointRequest(bridge.id(), Optional.empty(), List.of()));
    networking.disconnect(web.id(), "web", true, bridge);
    assertEquals(List.of("+web@bridge netns-web", "-web@bridge"), events);

    events.clear();
    networking.stopped(web.id());
    networking.remove(web.id());
    assertEquals(List.of("-web@my_bridge", "-web@my_bridge"), events);
  }

  @Test
  void connect_refused_announcesNothing() throws Exception {
    NetworkRecord n = networks.create(new NetworkCreateRequest("my_bridge", "bridge", false, false, Map.of(),
        Map.of(), List.of()));
    ContainerHandle web = container("web", "%064x".formatted(2), "{\"HostConfig\":{\"NetworkMode\":\"my_bridge\"}}");
    networking.validate(web);
    state.transact(() -> networking.create(web));
    networking.start(web);
    events.clear();
    assertThrows(ForbiddenException.class,
        () -> networking.connect(web, true, n, new EndpointRequest(n.id(), Optional.empty(), List.of())));
    assertEquals(List.of(), events);
  }
}
