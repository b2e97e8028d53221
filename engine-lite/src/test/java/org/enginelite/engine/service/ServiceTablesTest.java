package org.enginelite.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTablesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Task task(String id, long seq, int slot, TaskState desired, TaskState current, String error) {
    ServiceSpec spec = ServiceSpec.of("web", "app:1").withReplicas(2);
    return new Task(id, seq, "web", slot, spec, "c" + seq, desired, current, T0, T0, 0, error);
  }

  @Test
  void ps_runningAndHistory_dockerLayout() {
    List<Task> tasks = List.of(
        task("aaaaaaaaaaaaaaaaaaaaaaaaa", 3, 1, TaskState.RUNNING, TaskState.RUNNING, null),
        task("bbbbbbbbbbbbbbbbbbbbbbbbb", 1, 1, TaskState.SHUTDOWN, TaskState.FAILED, "task: non-zero exit (137)"),
        task("ccccccccccccccccccccccccc", 2, 2, TaskState.RUNNING, TaskState.RUNNING, null));
    String out = ServiceTables.ps(tasks, "node1", T0.plusSeconds(3));
    String expected = ""
        + "ID             NAME        IMAGE   NODE    DESIRED STATE   CURRENT STATE           ERROR"
        + "                         PORTS\n"
        + "aaaaaaaaaaaa   web.1       app:1   node1   Running         Running 3 seconds ago\n"
        + "bbbbbbbbbbbb    \\_ web.1   app:1   node1   Shutdown        Failed 3 seconds ago    "
        + "\"task: non-zero exit (137)\"\n"
        + "cccccccccccc   web.2       app:1   node1   Running         Running 3 seconds ago\n";
    assertEquals(expected, out);
  }

  @Test
  void ls_replicasAndPorts() {
    ServiceSpec spec = new ServiceSpec("getstartedlab_web", "app:1", List.of(), java.util.Map.of(), 2,
        List.of(PublishedPort.tcp(4000, 80)), List.of(), List.of(), RestartCondition.ANY, ResourceLimits.NONE,
        java.util.Map.of(), List.of());
    List<Task> tasks = List.of(task("a", 1, 1, TaskState.RUNNING, TaskState.RUNNING, null));
    String out = ServiceTables.ls(List.of(spec), name -> "x7y8z9x7y8z9q", name -> tasks);
    assertEquals(""
        + "ID             NAME                MODE         REPLICAS   IMAGE   PORTS\n"
        + "x7y8z9x7y8z9   getstartedlab_web   replicated   1/2        app:1   *:4000->80/tcp\n", out);
  }

  @Test
  void humanDuration_dockerWording() {
    assertEquals("Less than a second", HumanDuration.of(Duration.ofMillis(300)));
    assertEquals("1 second", HumanDuration.of(Duration.ofSeconds(1)));
    assertEquals("59 seconds", HumanDuration.of(Duration.ofSeconds(59)));
    assertEquals("About a minute", HumanDuration.of(Duration.ofSeconds(100)));
    assertEquals("5 minutes", HumanDuration.of(Duration.ofMinutes(5)));
    assertEquals("About an hour", HumanDuration.of(Duration.ofMinutes(70)));
    assertEquals("3 hours", HumanDuration.of(Duration.ofHours(3)));
    assertEquals("3 days", HumanDuration.of(Duration.ofDays(3)));
  }
}
