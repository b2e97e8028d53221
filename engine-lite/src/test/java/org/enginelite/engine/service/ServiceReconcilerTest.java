package org.enginelite.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceReconcilerTest {

  private final FakeTaskRuntime runtime = new FakeTaskRuntime();
  private final ServiceReconciler reconciler = new ServiceReconciler(runtime, Clock.systemUTC());
  private final ServiceSpec web = ServiceSpec.of("web", "app:1").withReplicas(5);

  @AfterEach
  void close() {
    reconciler.close();
  }

  /** Two passes: the first starts containers, the second observes them running. */
  private void settle() {
    reconciler.reconcileNow();
    reconciler.reconcileNow();
  }

  /** slot -> container id of the slot's task that is wanted running. */
  private Map<Integer, String> running(String service) {
    return reconciler.tasks(service).stream()
        .filter(t -> t.wantedRunning() && t.currentState() == TaskState.RUNNING)
        .collect(Collectors.toMap(Task::slot, Task::containerId, (a, b) -> {
          throw new AssertionError("two running tasks in one slot");
        }, TreeMap::new));
  }

  @Test
  void deploy_fiveReplicas_startsSlotsOneToFive() {
    reconciler.deploy(web);
    settle();
    assertEquals(List.of(1, 2, 3, 4, 5), List.copyOf(running("web").keySet()));
    assertEquals(5, runtime.runningCount());
    assertEquals("5/5", ServiceTables.replicas(web, reconciler.tasks("web")));
    for (Task t : reconciler.tasks("web")) {
      assertTrue(runtime.started.contains(new FakeTaskRuntime.Started(t.containerId(), web, t.slot(), t.id())));
      assertEquals(25, t.id().length());
    }
  }

  @Test
  void scale_fiveToTwoToSix_stopsHighestSlotsAndKeepsTheOthers() {
    reconciler.deploy(web);
    settle();
    Map<Integer, String> before = running("web");

    reconciler.deploy(web.withReplicas(2));
    settle();
    assertEquals(List.of(before.get(5), before.get(4), before.get(3)), runtime.stopped);
    assertEquals(Map.of(1, before.get(1), 2, before.get(2)), running("web"));

    reconciler.deploy(web.withReplicas(6));
    settle();
    Map<Integer, String> after = running("web");
    assertEquals(List.of(1, 2, 3, 4, 5, 6), List.copyOf(after.keySet()));
    assertEquals(before.get(1), after.get(1));
    assertEquals(before.get(2), after.get(2));
    assertEquals(3, runtime.stopped.size(), "scaling up must not stop anything");
    assertEquals(6, runtime.runningCount());
  }

  @Test
  void containerKilled_restartAny_replacedInSameSlot() {
    reconciler.deploy(web);
    settle();
    Map<Integer, String> before = running("web");

    runtime.exit(before.get(3), 137);
    reconciler.containerExited(before.get(3));
    settle();

    Map<Integer, String> after = running("web");
    assertEquals(5, after.size());
    assertNotEquals(before.get(3), after.get(3));
    for (int slot : List.of(1, 2, 4, 5)) {
      assertEquals(before.get(slot), after.get(slot));
    }
    Task dead = reconciler.tasks("web").stream()
        .filter(t -> t.containerId().equals(before.get(3))).findFirst().orElseThrow();
    assertEquals(TaskState.SHUTDOWN, dead.desiredState());
    assertEquals(TaskState.FAILED, dead.currentState());
    assertEquals(137, dead.exitCode());
  }

  @Test
  void containerKilled_restartNone_slotStaysDown() {
    reconciler.deploy(web.withRestartCondition(RestartCondition.NONE));
    settle();
    String victim = running("web").get(2);

    runtime.exit(victim, 1);
    settle();
    settle();

    assertEquals(List.of(1, 3, 4, 5), List.copyOf(running("web").keySet()));
    assertEquals(5, runtime.started.size());
    assertEquals("4/5", ServiceTables.replicas(web, reconciler.tasks("web")));
  }

  @Test
  void containerExited_onFailure_replacesOnlyNonZeroExits() {
    reconciler.deploy(web.withReplicas(2).withRestartCondition(RestartCondition.ON_FAILURE));
    settle();
    Map<Integer, String> before = running("web");

    runtime.exit(before.get(1), 0);
    runtime.exit(before.get(2), 2);
    settle();

    Map<Integer, String> after = running("web");
    assertEquals(List.of(2), List.copyOf(after.keySet()));
    assertNotEquals(before.get(2), after.get(2));
  }

  @Test
  void containerRemovedBehindOurBack_isReplaced() {
    reconciler.deploy(web.withReplicas(1));
    settle();
    String gone = running("web").get(1);
    runtime.stop(gone);
    settle();
    assertNotEquals(gone, running("web").get(1));
  }

  @Test
  void update_newImage_rollsOneSlotAtATime() {
    reconciler.deploy(web.withReplicas(3));
    settle();
    Map<Integer, String> before = running("web");

    reconciler.deploy(web.withReplicas(3).withImage("app:2"));
    // deploy() also triggers a pass of its own, so count observations rather than passes: at every point at most
    // one task is in flight and the old tasks go one by one, in slot order.
    int passes = 0;
    while (runtime.stopped.size() < 3 || running("web").size() < 3) {
      reconciler.reconcileNow();
      List<Task> live = reconciler.tasks("web").stream().filter(Task::wantedRunning).toList();
      long starting = live.stream().filter(t -> t.currentState() == TaskState.STARTING).count();
      assertEquals(3, live.size());
      assertTrue(starting <= 1, "more than one task in flight: " + live);
      assertTrue(++passes <= 10, "update did not finish");
    }
    assertTrue(passes >= 2, "three slots cannot roll in one pass");
    Map<Integer, String> after = running("web");
    assertEquals(List.of(1, 2, 3), List.copyOf(after.keySet()));
    assertEquals(List.of(before.get(1), before.get(2), before.get(3)), runtime.stopped);
    assertTrue(reconciler.tasks("web").stream().filter(Task::wantedRunning)
        .allMatch(t -> t.spec().image().equals("app:2")));
  }

  @Test
  void update_forceCounterOnly_rollsEveryTask() {
    reconciler.deploy(web.withReplicas(2));
    settle();
    reconciler.deploy(web.withReplicas(2).withForceUpdate(1));
    for (int i = 0; i < 6; i++) {
      reconciler.reconcileNow();
    }
    assertEquals(2, runtime.stopped.size());
    assertEquals(2, running("web").size());
    assertTrue(reconciler.tasks("web").stream().filter(Task::wantedRunning)
        .allMatch(t -> t.spec().forceUpdate() == 1));
  }

  @Test
  void update_replicasOnly_doesNotRoll() {
    reconciler.deploy(web.withReplicas(2));
    settle();
    reconciler.deploy(web.withReplicas(3));
    settle();
    assertTrue(runtime.stopped.isEmpty());
  }

  @Test
  void update_portsOrLabelsOnly_doesNotRoll() {
    reconciler.deploy(web.withReplicas(2));
    settle();
    ServiceSpec republished = new ServiceSpec("web", "app:1", List.of(), Map.of(), 2,
        List.of(PublishedPort.tcp(4000, 80)), List.of(), List.of(), RestartCondition.ANY, ResourceLimits.NONE,
        Map.of("tier", "front"), List.of());
    reconciler.deploy(republished);
    settle();
    assertTrue(runtime.stopped.isEmpty());
    assertEquals(2, runtime.started.size());
  }

  @Test
  void startFails_taskFailedThenRetried() {
    runtime.failStarts = true;
    reconciler.deploy(web.withReplicas(1));
    reconciler.reconcileNow();
    Task failed = reconciler.tasks("web").get(0);
    assertEquals(TaskState.FAILED, failed.currentState());
    assertTrue(failed.error().contains("image app:1 not found"), failed.error());

    runtime.failStarts = false;
    settle();
    assertEquals(1, running("web").size());
  }

  @Test
  void unschedulable_tasksPendingNotStarted() {
    ServiceSpec constrained = new ServiceSpec("db", "redis", List.of(), Map.of(), 1, List.of(), List.of(),
        List.of(), RestartCondition.ANY, ResourceLimits.NONE, Map.of(), List.of("node.role == worker"));
    reconciler.deploy(constrained);
    settle();
    assertTrue(runtime.started.isEmpty());
    assertEquals(TaskState.PENDING, reconciler.tasks("db").get(0).currentState());
  }

  @Test
  void remove_stopsEveryTaskAndForgetsThem() {
    reconciler.deploy(web.withReplicas(3));
    settle();
    reconciler.remove("web");
    settle();
    assertEquals(0, runtime.runningCount());
    assertTrue(reconciler.tasks("web").isEmpty());
    assertFalse(reconciler.spec("web").isPresent());
  }

  @Test
  void manyRestarts_historyKeptToFivePerSlot() {
    reconciler.deploy(web.withReplicas(1));
    settle();
    for (int i = 0; i < 8; i++) {
      runtime.exit(running("web").get(1), 1);
      settle();
    }
    assertEquals(ServiceReconciler.HISTORY_PER_SLOT, reconciler.tasks("web").size());
    assertEquals(1, runtime.runningCount());
  }

  @Test
  void tick_replacesKilledTaskWithoutAnEvent() throws InterruptedException {
    reconciler.startTicking(Duration.ofMillis(20));
    reconciler.deploy(web.withReplicas(2));
    String victim = awaitRunning(2).get(1);
    runtime.exit(victim, 9);
    Map<Integer, String> after = awaitRunning(2);
    for (int i = 0; i < 500 && victim.equals(after.get(1)); i++) {
      Thread.sleep(10);
      after = awaitRunning(2);
    }
    assertNotEquals(victim, after.get(1));
  }

  @Test
  void stopFails_onScaleDown_retriedUntilItWorks() {
    reconciler.deploy(web.withReplicas(2));
    settle();
    String second = running("web").get(2);
    runtime.failStops = true;
    reconciler.deploy(web.withReplicas(1));
    settle();
    Task stuck = reconciler.tasks("web").stream().filter(t -> t.slot() == 2).findFirst().orElseThrow();
    assertEquals(TaskState.SHUTDOWN, stuck.desiredState());
    assertEquals(TaskState.RUNNING, stuck.currentState());
    assertTrue(stuck.error().startsWith("stopping container failed"), stuck.error());

    runtime.failStops = false;
    settle();
    assertEquals(List.of(second), runtime.stopped);
    assertEquals(1, runtime.runningCount());
  }

  @Test
  void inspectFails_forOneContainer_othersStillReconciled() {
    reconciler.deploy(web.withReplicas(2));
    settle();
    Map<Integer, String> before = running("web");
    runtime.failInspectOf = before.get(1);
    runtime.exit(before.get(2), 1);
    settle();
    assertNotEquals(before.get(2), running("web").get(2));
    assertEquals(before.get(1), running("web").get(1));
  }

  @Test
  void restore_afterEngineRestart_keepsLiveContainersAndReplacesGoneOnes() {
    List<List<Task>> saved = new java.util.ArrayList<>();
    reconciler.onTasksChanged(saved::add);
    reconciler.deploy(web.withReplicas(3));
    settle();
    Map<Integer, String> before = running("web");
    List<Task> lastSaved = saved.get(saved.size() - 1);
    assertEquals(reconciler.tasks("web").size(), lastSaved.size());
    reconciler.close();

    runtime.stop(before.get(2));
    try (ServiceReconciler restarted = new ServiceReconciler(runtime, Clock.systemUTC())) {
      restarted.restore(List.of(web.withReplicas(3)), lastSaved);
      restarted.reconcileNow();
      restarted.reconcileNow();
      Map<Integer, String> after = restarted.tasks("web").stream()
          .filter(t -> t.wantedRunning() && t.currentState() == TaskState.RUNNING)
          .collect(Collectors.toMap(Task::slot, Task::containerId, (a, b) -> a, TreeMap::new));
      assertEquals(before.get(1), after.get(1));
      assertEquals(before.get(3), after.get(3));
      assertNotEquals(before.get(2), after.get(2));
      long newest = restarted.tasks("web").stream().mapToLong(Task::sequence).max().orElseThrow();
      long oldest = lastSaved.stream().mapToLong(Task::sequence).max().orElseThrow();
      assertTrue(newest > oldest, "new tasks sort after restored ones");
    }
  }

  private Map<Integer, String> awaitRunning(int n) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      Map<Integer, String> r = running("web");
      if (r.size() == n) {
        return r;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("never reached " + n + " running tasks: " + reconciler.tasks("web"));
  }
}
