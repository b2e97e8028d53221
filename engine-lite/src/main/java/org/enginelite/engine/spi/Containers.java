package org.enginelite.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's containers as Java calls, with the same behaviour and errors as the HTTP API
 * ({@link org.enginelite.driver.DriverException} kinds). Arguments named {@code ref} take a full id, a unique id
 * prefix or a name.
 */
public interface Containers {

  /** Creates from Docker's create request JSON; {@code name} may be null for a generated one. Returns the id. */
  String create(ObjectNode createRequest, String name);

  /** Starts; returns once the process runs. Starting a running container is a no-op. */
  void start(String ref);

  /** SIGTERM (or the image's stop signal), then SIGKILL after {@code timeoutSeconds}. No-op when not running. */
  void stop(String ref, int timeoutSeconds);

  /** Sends a signal by name or number ("KILL", "SIGTERM", "9"). */
  void kill(String ref, String signal);

  /** Removes; {@code force} kills a running one first, {@code removeVolumes} is {@code rm -v}. */
  void remove(String ref, boolean force, boolean removeVolumes);

  /** Docker's {@code /containers/{id}/json} body. */
  ObjectNode inspect(String ref);

  /** The few facts of {@code ref} its record holds, without building the inspect body. */
  ContainerFacts facts(String ref);

  /** Docker's {@code /containers/json} entries of every container (running or not) carrying all these labels. */
  List<ObjectNode> listByLabels(Map<String, String> labels);

  /** The full id of {@code ref}, empty when no container matches. */
  Optional<String> find(String ref);

  /**
   * Sets top-level fields of a container's {@code /containers/{id}/json} body and of its {@code /containers/json}
   * entry from outside its setup steps (a network connect on a running container), kept in the container's
   * record as {@link ContainerContext#putInspectField} keeps them.
   */
  void putFields(String ref, Map<String, JsonNode> inspectFields, Map<String, JsonNode> summaryFields);

  /**
   * Runs {@code work} holding the container's own lock, the one start, stop, the exit handler and remove take, so
   * the container neither starts nor stops meanwhile. Take it before any store transaction, as they do.
   */
  <T> T locked(String ref, Supplier<T> work);

  /** Blocks until the container is not running and returns its exit code. */
  int waitNotRunning(String ref);
}
