package org.enginelite.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enginelite.engine.service.PublishedPort;
import org.enginelite.engine.service.ServiceSpec;
import org.enginelite.engine.service.Task;
import org.enginelite.engine.service.TaskState;
import org.enginelite.engine.swarm.ingress.ServiceIngress;
import org.enginelite.ingress.FrontendOptions;
import org.enginelite.ingress.LoadBalancer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing mesh over real loopback sockets: each "task" is a server on its own 127.0.0.x address answering
 * with its name, as the get-started page answers with the task's hostname.
 */
@Timeout(60)
class ServiceIngressTest {

  private final LoadBalancer lb = LoadBalancer.create(1);
  private final List<ServerSocket> servers = new ArrayList<>();
  private final Map<String, InetAddress> addresses = new HashMap<>();
  private final ServiceIngress ingress = new ServiceIngress(lb, InetAddress.getLoopbackAddress(),
      (container, network) -> Optional.ofNullable(addresses.get(container)));
  private final int target = freePort();
  private final int published = freePort();

  @AfterEach
  void tearDown() throws IOException {
    ingress.close();
    lb.close();
    for (ServerSocket s : servers) {
      s.close();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A task container: a server at 127.0.0.{slot+1}:target answering every connection with {@code name}. */
  private Task task(ServiceSpec spec, int slot) throws IOException {
    InetAddress a = InetAddress.getByName("127.0.0." + (slot + 1));
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(a, target));
    servers.add(server);
    String name = "task" + slot;
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket c = server.accept(); OutputStream out = c.getOutputStream()) {
          out.write(name.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    addresses.put("c" + slot, a);
    Instant now = Instant.now();
    return new Task("t" + slot, slot, spec.name(), slot, spec, "c" + slot, TaskState.RUNNING, TaskState.RUNNING,
        now, now, 0, null);
  }

  private String get() throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), published); InputStream in = s.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void sync_publishedPort_roundRobinsOverRunningTasks() throws IOException {
    ServiceSpec web = ServiceSpec.of("web", "app").withReplicas(3)
        .withPorts(List.of(PublishedPort.tcp(published, target)));
    List<Task> tasks = List.of(task(web, 1), task(web, 2), task(web, 3));
    ingress.sync(List.of(web), tasks);
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(get());
    }
    assertEquals(3, answers.stream().distinct().count(), "answers: " + answers);
    assertEquals(3, ingress.stats().values().iterator().next().totalConnections());
  }

  @Test
  void sync_taskGone_leavesTheRotationAndServiceRemovedClosesThePort() throws IOException {
    ServiceSpec web = ServiceSpec.of("web", "app").withReplicas(2)
        .withPorts(List.of(PublishedPort.tcp(published, target)));
    Task one = task(web, 1);
    Task two = task(web, 2);
    ingress.sync(List.of(web), List.of(one, two));
    Task failed = two.withState(TaskState.FAILED, Instant.now(), 137, "killed");
    ingress.sync(List.of(web), List.of(one, failed));
    for (int i = 0; i < 3; i++) {
      assertEquals("task1", get());
    }
    ingress.sync(List.of(), List.of());
    assertTrue(ingress.bound().isEmpty());
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), published), 2000);
      throw new AssertionError("the port is still open after the service was removed");
    } catch (IOException expected) {
      // connection refused: nothing listens any more
    }
  }

  @Test
  void sync_tcpFrontend_takesTheLocalHopOptions() throws IOException {
    ServiceSpec web = ServiceSpec.of("web", "app").withReplicas(1)
        .withPorts(List.of(PublishedPort.tcp(published, target)));
    ingress.sync(List.of(web), List.of(task(web, 1)));
    assertEquals(ServiceIngress.tcpOptions(ServiceIngress.AVAILABLE_CONGESTION_CONTROL),
        lb.listeners().get(0).frontend().options());
    assertEquals("task1", get());
  }

  @Test
  void tcpOptions_cubicWhereTheKernelHasIt(@TempDir Path dir) throws IOException {
    Path list = dir.resolve("available");
    Files.writeString(list, "reno bbr cubic\n");
    assertEquals("cubic", ServiceIngress.tcpOptions(list).backendCongestionControl());
    Files.writeString(list, "reno bbr\n");
    assertEquals(FrontendOptions.DEFAULTS, ServiceIngress.tcpOptions(list));
    assertEquals(FrontendOptions.DEFAULTS, ServiceIngress.tcpOptions(dir.resolve("missing")));
  }
}
