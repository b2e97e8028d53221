package org.enginelite.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.ConflictException;
import org.enginelite.engine.spi.ContainerContext;
import org.enginelite.engine.spi.ContainerSetupStep;
import org.junit.jupiter.api.Test;

class SetupStepsTest {
  private final List<String> calls = new ArrayList<>();

  private ContainerSetupStep step(String name, String failIn) {
    return new ContainerSetupStep() {
      @Override
      public void create(ContainerContext c) {
        record("create", name, failIn);
      }

      @Override
      public void start(ContainerContext c) {
        record("start", name, failIn);
      }

      @Override
      public void stopped(ContainerContext c) {
        record("stopped", name, failIn);
      }

      @Override
      public void remove(ContainerContext c, boolean removeVolumes) {
        record("remove", name, failIn);
      }
    };
  }

  private void record(String phase, String name, String failIn) {
    calls.add(phase + " " + name);
    if (phase.equals(failIn)) {
      throw new ConflictException(name + " failed in " + phase);
    }
  }

  private static ContainerContext context() throws Exception {
    ObjectNode req = (ObjectNode) new ObjectMapper().readTree("{\"Image\":\"x\"}");
    ContainerRecord r = new ContainerRecord("b".repeat(64), "n1", "2024-01-01T00:00:00Z", "sha256:1", "x", req,
        ContainerState.created(), null, null);
    return new ContainerContextImpl(r, ContainerPaths.of(Path.of("/d"), Path.of("/e"), r.id()), Path.of("/img"),
        null, Map.of(), 0);
  }

  @Test
  void start_failureUndoesDoneStepsInReverse() throws Exception {
    SetupSteps steps = new SetupSteps(List.of(step("a", null), step("b", null), step("c", "start")));
    assertThrows(ConflictException.class, () -> steps.start(context()));
    assertEquals(List.of("start a", "start b", "start c", "stopped b", "stopped a"), calls);
  }

  @Test
  void create_failureUndoesWithRemove() throws Exception {
    SetupSteps steps = new SetupSteps(List.of(step("a", null), step("b", "create")));
    assertThrows(ConflictException.class, () -> steps.create(context()));
    assertEquals(List.of("create a", "create b", "remove a"), calls);
  }

  @Test
  void stoppedAndRemove_runEveryStepInReverseDespiteFailures() throws Exception {
    SetupSteps steps = new SetupSteps(List.of(step("a", null), step("b", "stopped")));
    steps.stopped(context());
    steps.remove(context(), true);
    assertEquals(List.of("stopped b", "stopped a", "remove b", "remove a"), calls);
  }
}
