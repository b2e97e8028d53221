package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.state.StateStore;
import org.enginelite.engine.spi.ContainerContext;
import org.enginelite.engine.spi.OciMount;

/**
 * The {@link ContainerContext} of one phase. Inspect and list fields set by steps are collected here and
 * written into the container's record by the engine when the phase ends.
 */
final class ContainerContextImpl implements ContainerContext {
  private final ContainerRecord record;
  private final ContainerPaths paths;
  private final Path imageRootfs;
  private final StateStore store;
  private final Map<String, String> labels;
  private final int pid;
  private final ObjectNode inspectFields;
  private final ObjectNode summaryFields;
  private final List<OciMount> mounts = new ArrayList<>();
  private final List<String> env = new ArrayList<>();
  private boolean starting;

  ContainerContextImpl(ContainerRecord record, ContainerPaths paths, Path imageRootfs, StateStore store,
      Map<String, String> labels, int pid) {
    this.record = record;
    this.paths = paths;
    this.imageRootfs = imageRootfs;
    this.store = store;
    this.labels = Map.copyOf(labels);
    this.pid = pid;
    this.inspectFields = record.inspectFields().deepCopy();
    this.summaryFields = record.summaryFields().deepCopy();
  }

  /** Opens the start phase, in which mounts and environment may be added. */
  ContainerContextImpl starting() {
    starting = true;
    return this;
  }

  @Override
  public String id() {
    return record.id();
  }

  @Override
  public String name() {
    return record.name();
  }

  @Override
  public ObjectNode createRequest() {
    return record.request();
  }

  @Override
  public ObjectNode hostConfig() {
    JsonNode n = record.request().get("HostConfig");
    return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
  }

  @Override
  public ObjectNode networkingConfig() {
    JsonNode n = record.request().get("NetworkingConfig");
    return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
  }

  @Override
  public Map<String, String> labels() {
    return labels;
  }

  @Override
  public StateStore store() {
    return store;
  }

  @Override
  public Path netnsPath() {
    return paths.netns();
  }

  @Override
  public Path bundleDir() {
    return paths.bundle();
  }

  @Override
  public Path rootfs() {
    return paths.rootfs();
  }

  @Override
  public Path imageRootfs() {
    return imageRootfs;
  }

  @Override
  public Path containerDir() {
    return paths.containerDir();
  }

  @Override
  public int pid() {
    return pid;
  }

  @Override
  public void addMount(OciMount mount) {
    checkStarting();
    mounts.add(mount);
  }

  @Override
  public void addEnv(String keyValue) {
    checkStarting();
    if (keyValue.indexOf('=') <= 0) {
      throw new IllegalArgumentException("environment entry must be KEY=value: " + keyValue);
    }
    env.add(keyValue);
  }

  private void checkStarting() {
    if (!starting) {
      throw new IllegalStateException("mounts and environment can only be added while the container starts");
    }
  }

  @Override
  public synchronized void putInspectField(String field, JsonNode value) {
    inspectFields.set(field, value);
  }

  @Override
  public synchronized void putSummaryField(String field, JsonNode value) {
    summaryFields.set(field, value);
  }

  @Override
  public synchronized JsonNode inspectField(String field) {
    return inspectFields.get(field);
  }

  List<OciMount> mounts() {
    return List.copyOf(mounts);
  }

  List<String> env() {
    return List.copyOf(env);
  }

  /** The record with the fields steps set in this phase. */
  synchronized ContainerRecord withContributedFields(ContainerRecord current) {
    return current.withFields(inspectFields.deepCopy(), summaryFields.deepCopy());
  }

  boolean fieldsChanged() {
    return !inspectFields.equals(record.inspectFields()) || !summaryFields.equals(record.summaryFields());
  }
}
