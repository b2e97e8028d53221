package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.state.StateStore;
import org.enginelite.engine.api.StreamSink;
import org.enginelite.engine.spi.ApiFilters;
import org.enginelite.engine.spi.Timestamps;
import org.enginelite.engine.image.ImageRecord;
import org.enginelite.engine.image.ImageRecord.ImageConfig;
import org.enginelite.engine.image.ImageStore;
import org.enginelite.engine.spi.ContainerExit;
import org.enginelite.engine.spi.ContainerFacts;
import org.enginelite.engine.spi.ContainerSetupStep;
import org.enginelite.engine.spi.Containers;

/**
 * The engine's containers: create (validated, one transaction with the extensions' create steps), start,
 * stop, kill, remove, inspect, list and wait. The HTTP routes and the extensions both call this.
 */
public final class ContainerService implements Containers, AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ContainerRepository repo;
  private final ImageStore images;
  private final ContainerRuntime runtime;
  private final SetupSteps steps;
  private final ContainerJson json;
  private final Map<String, CompletableFuture<Integer>> removed = new ConcurrentHashMap<>();
  private final ExecService execs;

  public ContainerService(StateStore store, ImageStore images, Path dataRoot, Path execRoot,
      List<ContainerSetupStep> setupSteps, ObjectMapper mapper) {
    this.repo = new ContainerRepository(store);
    this.images = images;
    this.steps = new SetupSteps(setupSteps);
    this.runtime = new ContainerRuntime(repo, images, dataRoot, execRoot, steps, mapper);
    this.json = new ContainerJson(mapper);
    this.execs = new ExecService(this, runtime.runc());
    runtime.setAutoRemover(id -> {
      try {
        remove(id, true, true);
      } catch (RuntimeException e) {
        java.util.logging.Logger.getLogger(ContainerService.class.getName())
            .warning("auto-remove of " + id.substring(0, 12) + " failed: " + e.getMessage());
      }
    });
  }

  /** Reconciles stored containers with what runs, and starts watching exits. */
  public void recover() throws IOException {
    runtime.recover();
  }

  public void onExit(Consumer<ContainerExit> listener) {
    runtime.onExit(listener);
  }

  public ExecService execs() {
    return execs;
  }

  @Override
  public String create(ObjectNode asked, String requestedName) {
    ContainerSpec.parse(asked, null);
    ImageRecord image = images.resolve(asked.path("Image").asText());
    ObjectNode request = ImageDefaults.merge(asked, image.config());
    ContainerSpec.parse(request, image.config());
    String name = requestedName == null || requestedName.isEmpty() ? null : ContainerNames.check(requestedName);
    String id = HexFormat.of().formatHex(randomBytes());
    ContainerRecord record = new ContainerRecord(id, name == null ? ContainerNames.generate(0) : name,
        Instant.now().toString(), image.id(), request.path("Image").asText(), request.deepCopy(),
        ContainerState.created(), null, null);
    ContainerPaths paths = runtime.paths(id);
    steps.validate(runtime.context(record));
    writeFiles(paths, record);
    try {
      for (int attempt = 0; ; attempt++) {
        ContainerRecord candidate = attempt == 0 ? record : new ContainerRecord(id,
            ContainerNames.generate(attempt), record.created(), record.imageId(), record.imageRef(),
            record.request(), record.state(), null, null);
        Optional<ContainerRecord> created = repo.store().transact(() -> {
          if (!repo.store().putIfAbsent(ContainerRecord.NAMES, candidate.name(), id)) {
            return Optional.<ContainerRecord>empty();
          }
          ContainerContextImpl ctx = runtime.context(candidate);
          steps.create(ctx);
          ContainerRecord withFields = ctx.withContributedFields(candidate);
          repo.put(withFields);
          return Optional.of(withFields);
        });
        if (created.isPresent()) {
          return id;
        }
        if (name != null) {
          String owner = repo.store().get(ContainerRecord.NAMES, name, String.class).orElse("");
          throw new ConflictException("Conflict. The container name \"/" + name + "\" is already in use by"
              + " container \"" + owner + "\". You have to remove (or rename) that container to be able to"
              + " reuse that name.");
        }
        if (attempt > 10) {
          throw new InternalException("cannot generate a free container name");
        }
      }
    } catch (RuntimeException e) {
      FileTrees.deleteTree(paths.containerDir());
      throw e;
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The container's own /etc files, bind-mounted at start; network code rewrites hosts and resolv.conf. */
  private static void writeFiles(ContainerPaths paths, ContainerRecord r) {
    try {
      Files.createDirectories(paths.upper());
      Files.createDirectories(paths.work());
      ContainerSpec spec = ContainerSpec.parse(r.request(), null);
      String hostname = OciSpecBuilder.hostnameOf(spec, r.id());
      Files.writeString(paths.hostname(), hostname + "\n");
      Files.writeString(paths.hosts(), "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
          + "fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
      Files.writeString(paths.resolvConf(), resolvConf());
      Files.write(paths.log(), new byte[0]);
    } catch (IOException e) {
      FileTrees.deleteTree(paths.containerDir());
      throw new InternalException("cannot create container files: " + e.getMessage(), e);
    }
  }

  /** The host's resolv.conf without loopback servers (unreachable from a container), as Docker does. */
  private static String resolvConf() throws IOException {
    Path host = Path.of("/etc/resolv.conf");
    if (!Files.exists(host)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(host, StandardCharsets.UTF_8)) {
      if (!line.matches("\\s*nameserver\\s+(127\\..*|::1)\\s*")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public void start(String ref) {
    startReporting(ref);
  }

  /** As {@link #start}; false when it was already running (Docker's 304). */
  public boolean startReporting(String ref) {
    return runtime.start(repo.resolve(ref).id(), true);
  }

  @Override
  public void stop(String ref, int timeoutSeconds) {
    stopReporting(ref, timeoutSeconds);
  }

  /** As {@link #stop}; false when it was not running (Docker's 304). */
  public boolean stopReporting(String ref, int timeoutSeconds) {
    ContainerRecord r = repo.resolve(ref);
    Integer own = r.request().hasNonNull("StopTimeout") ? r.request().get("StopTimeout").asInt() : null;
    return runtime.stop(r.id(), timeoutSeconds >= 0 ? timeoutSeconds : own != null ? own : 10);
  }

  public void restart(String ref, int timeoutSeconds) {
    stopReporting(ref, timeoutSeconds);
    runtime.start(repo.resolve(ref).id(), true);
  }

  @Override
  public void kill(String ref, String signal) {
    runtime.kill(repo.resolve(ref).id(), signal);
  }

  @Override
  public void remove(String ref, boolean force, boolean removeVolumes) {
    ContainerRecord r = repo.resolve(ref);
    if (r.state().active()) {
      if (!force && r.state().paused()) {
        throw new ConflictException("You cannot remove a paused container " + r.id()
            + ". Unpause and then stop the container before attempting removal or force remove");
      }
      if (!force) {
        throw new ConflictException("You cannot remove a running container " + r.id()
            + ". Stop the container before attempting removal or force remove");
      }
      runtime.killAndWait(r.id());
    }
    ReentrantLock lock = repo.lock(r.id());
    int exitCode;
    try {
      Optional<ContainerRecord> current = repo.get(r.id());
      if (current.isEmpty()) {
        return; // removed meanwhile (auto-remove)
      }
      if (current.get().state().active()) {
        throw new ConflictException("container " + r.shortId() + " was started again while being removed");
      }
      exitCode = current.get().state().exitCode();
      ContainerPaths paths = runtime.paths(r.id());
      steps.remove(runtime.context(current.get()), removeVolumes);
      repo.delete(current.get());
      runtime.teardown(r.id(), paths);
      FileTrees.deleteTree(paths.bundle());
      FileTrees.deleteTree(paths.containerDir());
    } finally {
      lock.unlock();
      repo.forgetLock(r.id());
    }
    CompletableFuture<Integer> f = removed.remove(r.id());
    if (f != null) {
      f.complete(exitCode);
    }
  }

  /** Docker's {@code POST /containers/{id}/pause}: freezes the container's processes; it stays running. */
  public void pause(String ref) {
    setPaused(ref, true);
  }

  /** Docker's {@code POST /containers/{id}/unpause}. */
  public void unpause(String ref) {
    setPaused(ref, false);
  }

  private void setPaused(String ref, boolean paused) {
    String id = repo.resolve(ref).id();
    ReentrantLock lock = repo.lock(id);
    try {
      ContainerRecord r = repo.get(id).orElseThrow(() -> new NotFoundException("No such container: " + ref));
      if (!r.state().running()) {
        throw new ConflictException("Container " + id + " is not running");
      }
      if (r.state().paused() == paused) {
        throw new ConflictException("Container " + id + (paused ? " is already paused" : " is not paused"));
      }
      runtime.runc().freeze(ContainerPaths.runcId(id), paused);
      repo.put(r.withState(r.state().withStatus(paused ? "paused" : "running")));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Docker's {@code GET /containers/{id}/stats}: one sample a second while the client stays ({@code stream}), or
   * one sample, taken a second after a first so that it carries CPU figures to compare with, unless
   * {@code oneShot}. A container that does not run gives zeroes.
   */
  public void stats(String ref, boolean stream, boolean oneShot, StreamSink sink) throws IOException,
      InterruptedException {
    String id = repo.resolve(ref).id();
    ObjectNode previous = null;
    while (sink.isOpen()) {
      Optional<ContainerRecord> now = repo.get(id);
      if (now.isEmpty()) {
        return;
      }
      ContainerRecord r = now.get();
      boolean running = r.state().running();
      ObjectNode sample = running ? ContainerStats.sample(r, r.state().pid(), previous) : ContainerStats.stopped(r);
      if (running && !stream && !oneShot && previous == null) {
        previous = sample;
        Thread.sleep(1000);
        continue;
      }
      sink.write((sample + "\n").getBytes(StandardCharsets.UTF_8));
      if (!stream) {
        return;
      }
      previous = running ? sample : null;
      Thread.sleep(1000);
    }
  }

  /**
   * Docker's {@code POST /containers/prune}: removes every container that is neither running nor restarting and
   * matches {@code filters} (label, until); returns the removed ids and the bytes their writable layers held.
   */
  public Map<String, Object> prune(ApiFilters filters) {
    List<String> deleted = new java.util.ArrayList<>();
    long reclaimed = 0;
    for (ContainerRecord r : List.copyOf(repo.all())) {
      boolean old = filters.any("until", until -> Instant.parse(r.created()).isBefore(Timestamps.parseUntil(until)));
      if (r.state().active() || !old || !filters.labels(ContainerJson.labels(r))) {
        continue;
      }
      long size = FileTrees.sizeOf(runtime.paths(r.id()).upper());
      try {
        remove(r.id(), false, false);
      } catch (NotFoundException | ConflictException e) {
        continue; // removed or started meanwhile
      }
      deleted.add(r.id());
      reclaimed += size;
    }
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("ContainersDeleted", deleted.isEmpty() ? null : deleted);
    out.put("SpaceReclaimed", reclaimed);
    return out;
  }

  @Override
  public ObjectNode inspect(String ref) {
    ContainerRecord r = repo.resolve(ref);
    return json.inspect(r, runtime.paths(r.id()), imageConfig(r), execs.idsOf(r.id()));
  }

  @Override
  public ContainerFacts facts(String ref) {
    ContainerRecord r = repo.resolve(ref);
    ObjectNode request = r.request();
    return new ContainerFacts(r.id(), r.name(), request, r.state().active(), runtime.paths(r.id()).hosts(),
        request.path("Hostname").asText(""), request.path("Domainname").asText(""));
  }

  @Override
  public void putFields(String ref, Map<String, JsonNode> inspectFields, Map<String, JsonNode> summaryFields) {
    String id = repo.resolve(ref).id();
    ReentrantLock lock = repo.lock(id);
    try {
      repo.store().transact(() -> {
        ContainerRecord r = repo.resolve(id);
        // Only top-level fields are replaced, so the new record shares the others with the old one: record
        // nodes are never changed in place (a container's setup steps work on copies of their own).
        ObjectNode inspect = r.inspectFields().objectNode().setAll(r.inspectFields());
        inspectFields.forEach(inspect::set);
        ObjectNode summary = r.summaryFields().objectNode().setAll(r.summaryFields());
        summaryFields.forEach(summary::set);
        repo.put(r.withFields(inspect, summary));
      });
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> T locked(String ref, Supplier<T> work) {
    ReentrantLock lock = repo.lock(repo.resolve(ref).id());
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** {@code GET /containers/json}: running ones unless {@code all} (or a status filter), newest first. */
  public List<ObjectNode> list(boolean all, ContainerFilters filters) {
    return repo.all().stream()
        .filter(r -> all || filters.hasStatus() || r.state().active())
        .filter(filters::matches)
        .sorted(Comparator.comparing(ContainerRecord::created).reversed())
        .map(r -> json.summary(r, imageConfig(r)))
        .toList();
  }

  @Override
  public List<ObjectNode> listByLabels(Map<String, String> labels) {
    return list(true, ContainerFilters.labels(labels));
  }

  /** Docker's {@code /containers/{id}/top}: ps titles and one row per process of a running container. */
  public Map<String, Object> top(String ref) {
    ContainerRecord r = repo.resolve(ref);
    if (!r.state().running()) {
      throw new ConflictException("Container " + r.id() + " is not running");
    }
    List<String> lines = runtime.runc().ps(ContainerPaths.runcId(r.id()));
    List<String> titles = lines.isEmpty() ? List.of() : List.of(lines.get(0).trim().split("\\s+"));
    List<List<String>> rows = lines.stream().skip(1)
        .map(l -> List.of(l.trim().split("\\s+", Math.max(1, titles.size())))).toList();
    return Map.of("Titles", titles, "Processes", rows);
  }

  /**
   * Docker's {@code /containers/{id}/resize}: the window size of a running container's terminal; a container
   * without a TTY has none to resize.
   */
  public void resize(String ref, int rows, int columns) throws InterruptedException {
    ContainerRecord r = repo.resolve(ref);
    var size = TerminalResize.size(rows, columns);
    if (!r.state().running()) {
      throw new ConflictException("Container " + r.id() + " is not running");
    }
    if (r.request().path("Tty").asBoolean(false)) {
      TerminalResize.apply(r.state().pid(), size);
    }
  }

  @Override
  public Optional<String> find(String ref) {
    return repo.find(ref);
  }

  /** The stored record of {@code ref}; 404 when unknown. */
  public ContainerRecord record(String ref) {
    return repo.resolve(ref);
  }

  public ContainerPaths paths(String id) {
    return runtime.paths(id);
  }

  @Override
  public int waitNotRunning(String ref) {
    return waitFor(ref, "not-running").join();
  }

  /** Docker's wait conditions: not-running (default), next-exit, removed. Completes with the exit code. */
  public CompletableFuture<Integer> waitFor(String ref, String condition) {
    ContainerRecord r = repo.resolve(ref);
    switch (condition == null || condition.isEmpty() ? "not-running" : condition) {
      case "next-exit":
        return runtime.nextExit(r.id());
      case "removed":
        CompletableFuture<Integer> f = removed.computeIfAbsent(r.id(), k -> new CompletableFuture<>());
        if (repo.get(r.id()).isEmpty()) {
          f.complete(r.state().exitCode());
        }
        return f;
      case "not-running":
        CompletableFuture<Integer> exit = runtime.nextExit(r.id());
        ContainerRecord now = repo.get(r.id()).orElse(r);
        return now.state().active() ? exit : CompletableFuture.completedFuture(now.state().exitCode());
      default:
        throw new org.enginelite.driver.InvalidParameterException("invalid condition: \"" + condition + "\"");
    }
  }

  /** Where an attach's input goes ({@code stdin=1}): the container's stdin, or null without {@code -i}. */
  public org.enginelite.engine.api.StreamInput stdinInput(String ref) {
    return runtime.stdinInput(repo.resolve(ref));
  }

  /** True while the container's process runs or a restart is pending. */
  public boolean isActive(String id) {
    return repo.get(id).map(r -> r.state().active()).orElse(false);
  }

  /** Whether any container was created from {@code imageId}; names one when so. */
  public Optional<String> userOfImage(String imageId) {
    return repo.all().stream().filter(r -> r.imageId().equals(imageId)).map(ContainerRecord::id).findFirst();
  }

  private ImageConfig imageConfig(ContainerRecord r) {
    return images.find(r.imageId()).map(ImageRecord::config).orElse(ImageConfig.empty());
  }

  @Override
  public void close() throws IOException {
    runtime.close();
    execs.close();
  }
}
