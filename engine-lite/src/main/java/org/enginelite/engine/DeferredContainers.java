package org.enginelite.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.enginelite.driver.UnavailableException;
import org.enginelite.engine.spi.ContainerFacts;
import org.enginelite.engine.spi.Containers;

/** The container service handed to extensions before it exists; every call goes to it once it does. */
final class DeferredContainers implements Containers {
  private volatile Containers target;

  void set(Containers c) {
    this.target = c;
  }

  private Containers t() {
    Containers c = target;
    if (c == null) {
      throw new UnavailableException("the engine is still starting");
    }
    return c;
  }

  @Override
  public String create(ObjectNode createRequest, String name) {
    return t().create(createRequest, name);
  }

  @Override
  public void start(String ref) {
    t().start(ref);
  }

  @Override
  public void stop(String ref, int timeoutSeconds) {
    t().stop(ref, timeoutSeconds);
  }

  @Override
  public void kill(String ref, String signal) {
    t().kill(ref, signal);
  }

  @Override
  public void remove(String ref, boolean force, boolean removeVolumes) {
    t().remove(ref, force, removeVolumes);
  }

  @Override
  public ObjectNode inspect(String ref) {
    return t().inspect(ref);
  }

  @Override
  public ContainerFacts facts(String ref) {
    return t().facts(ref);
  }

  @Override
  public List<ObjectNode> listByLabels(Map<String, String> labels) {
    return t().listByLabels(labels);
  }

  @Override
  public Optional<String> find(String ref) {
    return t().find(ref);
  }

  @Override
  public void putFields(String ref, Map<String, JsonNode> inspectFields, Map<String, JsonNode> summaryFields) {
    t().putFields(ref, inspectFields, summaryFields);
  }

  @Override
  public <T> T locked(String ref, Supplier<T> work) {
    return t().locked(ref, work);
  }

  @Override
  public int waitNotRunning(String ref) {
    return t().waitNotRunning(ref);
  }
}
