package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.DriverException;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.api.StreamInput;
import org.enginelite.engine.image.ImageRecord;
import org.enginelite.engine.image.ImageStore;
import org.enginelite.engine.spi.ContainerExit;
import org.enginelite.kernel.mount.Mounts;
import org.enginelite.kernel.ns.NetNs;

/**
 * Running containers: start (overlay rootfs, network namespace, setup steps, OCI spec, runc under its
 * supervisor), stop and kill, the exit of a process (record, undo, restart policy, auto-remove), and recovery
 * after the daemon restarts. One container's transitions are serialized by its lock; exits are handled on one
 * thread in the order they are seen.
 */
final class ContainerRuntime implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ContainerRuntime.class.getName());

  private final ContainerRepository repo;
  private final ImageStore images;
  private final Path dataRoot;
  private final Path execRoot;
  private final SetupSteps steps;
  private final RuncSupervisor runc;
  private final OciSpecBuilder oci;
  private final ContainerStdin stdin = new ContainerStdin();
  private final List<Consumer<ContainerExit>> exitListeners = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<Integer>> nextExit = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> pendingRestarts = new ConcurrentHashMap<>();
  private final ExecutorService exitThread = Executors.newSingleThreadExecutor(daemonThreads("container-exits"));
  private final ScheduledExecutorService restarts =
      Executors.newSingleThreadScheduledExecutor(daemonThreads("restart-policy"));
  private volatile Consumer<String> autoRemover = id -> { };
  private ExitWatcher watcher;

  ContainerRuntime(ContainerRepository repo, ImageStore images, Path dataRoot, Path execRoot, SetupSteps steps,
      ObjectMapper json) {
    this.repo = repo;
    this.images = images;
    this.dataRoot = dataRoot;
    this.execRoot = execRoot;
    this.steps = steps;
    this.runc = new RuncSupervisor(json);
    this.oci = new OciSpecBuilder(json);
  }

  RuncSupervisor runc() {
    return runc;
  }

  /** Where an attached client's input goes: the container's stdin, or null when it was created without -i. */
  StreamInput stdinInput(ContainerRecord r) {
    return ContainerStdin.openStdin(r.request())
        ? stdin.input(r.id(), paths(r.id()), ContainerStdin.closesAtEnd(r.request())) : null;
  }

  ContainerPaths paths(String id) {
    return ContainerPaths.of(dataRoot, execRoot, id);
  }

  void onExit(Consumer<ContainerExit> listener) {
    exitListeners.add(listener);
  }

  void setAutoRemover(Consumer<String> remover) {
    this.autoRemover = remover;
  }

  /** Completes with the exit code of the container's next exit. */
  CompletableFuture<Integer> nextExit(String id) {
    return nextExit.computeIfAbsent(id, k -> new CompletableFuture<>());
  }

  ContainerContextImpl context(ContainerRecord r) {
    Path imageRoot = images.find(r.imageId()).map(images::rootfs).orElse(dataRoot.resolve("images/missing"));
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    r.request().path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return new ContainerContextImpl(r, paths(r.id()), imageRoot, repo.store(), labels, r.state().pid());
  }

  /** Starts the container; false when it was already running. {@code byUser} resets the restart count. */
  boolean start(String id, boolean byUser) {
    ReentrantLock lock = repo.lock(id);
    try {
      ContainerRecord r = repo.get(id).orElseThrow(() -> new NotFoundException("No such container: " + id));
      if (r.state().paused()) {
        throw new ConflictException("cannot start a paused container, try unpause instead");
      }
      if (r.state().running()) {
        return false;
      }
      cancelRestart(id);
      doStart(r, byUser ? 0 : r.state().restartCount() + 1);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void doStart(ContainerRecord r, int restartCount) {
    ContainerPaths paths = paths(r.id());
    ImageRecord image = images.find(r.imageId())
        .orElseThrow(() -> new ConflictException("image " + r.imageRef() + " of container " + r.name() + " is gone"));
    ContainerSpec spec = ContainerSpec.parse(r.request(), image.config());
    Optional<ContainerRecord> joined = NetworkJoin.target(r.request()).map(repo::resolve);
    if (joined.isPresent() && !joined.get().state().running()) {
      throw new ConflictException("cannot join network of a non running container: " + joined.get().id());
    }
    ContainerContextImpl ctx = context(r).starting();
    boolean stepsStarted = false;
    try {
      Files.createDirectories(paths.rootfs());
      if (!Mounts.isMountPoint(paths.rootfs())) {
        Mounts.overlay(List.of(images.rootfs(image)), paths.upper(), paths.work(), paths.rootfs());
      }
      if (NetNs.exists(paths.netns())) {
        NetNs.delete(paths.netns());
      }
      if (joined.isEmpty()) {
        NetNs.create(paths.netns());
      }
      steps.start(ctx);
      stepsStarted = true;
      UserIds user = UserIds.resolve(spec.user(), paths.rootfs());
      Executables.check(paths.rootfs(), spec);
      ObjectNode config = oci.build(r.id(), spec, paths, user, ctx.env(), ctx.mounts());
      if ("host".equals(r.request().path("HostConfig").path("NetworkMode").asText())) {
        OciSpecBuilder.shareHostNetwork(config); // --network host: no namespace of its own, as in Docker
      }
      if (joined.isPresent()) {
        ContainerRecord j = joined.get();
        NetworkJoin.apply(config, paths(j.id()), OciSpecBuilder.hostnameOf(ContainerSpec.parse(j.request(), null),
            j.id()));
      }
      Files.write(paths.config(), config.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Files.deleteIfExists(paths.pidFile());
      Files.deleteIfExists(paths.exitFile());
      long logOffset = Files.exists(paths.log()) ? Files.size(paths.log()) : 0;
      boolean openStdin = ContainerStdin.openStdin(r.request());
      Path stdinSource = stdin.prepare(r.id(), paths, openStdin);
      Process supervisor = runc.launch(ContainerPaths.runcId(r.id()), paths, stdinSource,
          openStdin && !ContainerStdin.closesAtEnd(r.request()), spec.tty());
      int pid = runc.awaitStarted(paths, supervisor, logOffset);
      stdin.started(r.id());
      ContainerRecord running = ctx.withContributedFields(r)
          .withState(r.state().started(pid, Instant.now().toString(), restartCount));
      nextExit(r.id());
      repo.put(running);
    } catch (RuntimeException | IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (stepsStarted) {
        steps.stopped(ctx);
      }
      teardown(r.id(), paths);
      DriverException failure = e instanceof DriverException d ? d
          : new InternalException("cannot start container " + r.shortId() + ": " + e.getMessage(), e);
      repo.put(r.withState(r.state().failedStart(failure.getMessage(), 127)));
      // Waiters and attached clients see a failed start as an exit, as with Docker.
      CompletableFuture<Integer> waiting = nextExit.remove(r.id());
      if (waiting != null) {
        waiting.complete(127);
      }
      throw failure;
    }
  }

  /** Undoes what a start set up in the kernel and on disk; safe to repeat. */
  void teardown(String id, ContainerPaths paths) {
    stdin.close(id);
    if (Mounts.isMountPoint(paths.rootfs())) {
      Mounts.unmount(paths.rootfs(), true);
    }
    if (Files.exists(paths.netns())) {
      NetNs.delete(paths.netns());
    }
    runc.delete(ContainerPaths.runcId(id));
    try {
      Files.deleteIfExists(paths.pidFile());
      Files.deleteIfExists(paths.config());
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot clean bundle " + paths.bundle(), e);
    }
  }

  /** SIGTERM (or the stop signal), SIGKILL after the timeout; false when it was not running. */
  boolean stop(String id, int timeoutSeconds) {
    CompletableFuture<Integer> exit;
    int pid;
    String signal;
    ReentrantLock lock = repo.lock(id);
    try {
      ContainerRecord r = repo.get(id).orElseThrow(() -> new NotFoundException("No such container: " + id));
      if (r.state().status().equals("restarting")) {
        cancelRestart(id);
        repo.put(r.withState(r.state().stopping().withStatus("exited")));
        return true;
      }
      if (!r.state().running()) {
        return false;
      }
      repo.put(r.withState(r.state().stopping()));
      exit = nextExit(id);
      pid = r.state().pid();
      signal = r.request().path("StopSignal").asText("");
    } finally {
      lock.unlock();
    }
    signal(id, pid, signal.isEmpty() ? "TERM" : signal);
    try {
      exit.get(Math.max(0, timeoutSeconds), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      signal(id, pid, "KILL");
      awaitQuietly(exit);
    } catch (Exception e) {
      awaitQuietly(exit);
    }
    return true;
  }

  /** A signal to a running container, marking the exit as requested by the user. */
  void kill(String id, String signal) {
    int pid;
    ReentrantLock lock = repo.lock(id);
    try {
      ContainerRecord r = repo.get(id).orElseThrow(() -> new NotFoundException("No such container: " + id));
      if (!r.state().running()) {
        throw new ConflictException("Cannot kill container: " + id + ": Container " + id + " is not running");
      }
      repo.put(r.withState(r.state().stopping()));
      pid = r.state().pid();
    } finally {
      lock.unlock();
    }
    signal(id, pid, signal == null || signal.isEmpty() ? "KILL" : signal);
  }

  /** Kills a running container and waits until its exit is recorded (rm -f). */
  void killAndWait(String id) {
    CompletableFuture<Integer> exit = nextExit(id);
    try {
      kill(id, "KILL");
    } catch (ConflictException notRunning) {
      stop(id, 0); // cancels a pending restart
      return;
    }
    awaitQuietly(exit);
  }

  private void signal(String id, int pid, String signal) {
    String s = signal.toUpperCase().replaceFirst("^SIG", "");
    Optional<ProcessHandle> p = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
    if (p.isPresent() && (s.equals("TERM") || s.equals("15"))) {
      p.get().destroy();
    } else if (p.isPresent() && (s.equals("KILL") || s.equals("9"))) {
      p.get().destroyForcibly();
      thawIfPaused(id);
    } else {
      runc.kill(ContainerPaths.runcId(id), s);
    }
  }

  /** A frozen process dies of SIGKILL only once thawed: a kill of a paused container resumes it, as Docker's does. */
  private void thawIfPaused(String id) {
    if (repo.get(id).map(r -> r.state().paused()).orElse(false)) {
      try {
        runc.freeze(ContainerPaths.runcId(id), false);
      } catch (InternalException e) {
        // already gone: nothing is frozen any more
      }
    }
  }

  private static void awaitQuietly(CompletableFuture<Integer> exit) {
    try {
      exit.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new InternalException("container did not exit within 60 s of SIGKILL", e);
    }
  }

  /** Starts watching exit files, then brings every stored container in line with what runs. */
  void recover() throws IOException {
    watcher = new ExitWatcher(execRoot.resolve("exits"), id -> exitThread.execute(() -> handleExit(id)));
    for (ContainerRecord r : repo.all()) {
      try {
        recover(r);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot recover container " + r.shortId() + ": " + e.getMessage(), e);
      }
    }
    for (String id : watcher.pending()) {
      exitThread.execute(() -> handleExit(id));
    }
  }

  private void recover(ContainerRecord r) {
    ContainerPaths paths = paths(r.id());
    if (r.state().running() && !Files.exists(paths.exitFile())) {
      Optional<JsonNode> state = runc.state(ContainerPaths.runcId(r.id()));
      boolean alive = state.map(s -> s.path("pid").asInt() == r.state().pid()
          && !s.path("status").asText().equals("stopped")).orElse(false);
      if (alive) {
        nextExit(r.id());
        steps.reattach(context(r));
        return;
      }
      // Gone without an exit record (the host rebooted, or the supervisor was killed): Docker's 255.
      ContainerContextImpl ctx = context(r);
      steps.stopped(ctx);
      teardown(r.id(), paths);
      repo.put(ctx.withContributedFields(r).withState(r.state().exited(255, Instant.now().toString(), false)));
    } else if (!r.state().active()) {
      teardown(r.id(), paths);
    }
    ContainerRecord now = repo.get(r.id()).orElse(r);
    RestartPolicy policy = RestartPolicy.parse(now.request().path("HostConfig").get("RestartPolicy"));
    if ((now.state().status().equals("exited") && policy.startsWithDaemon(now.state().manuallyStopped()))
        || now.state().status().equals("restarting")) {
      scheduleRestart(now.id(), 0);
    }
  }

  /** Records an exit reported by a container's supervisor; ignores exits already handled. */
  void handleExit(String id) {
    ContainerPaths paths = paths(id);
    int code;
    Instant finishedAt;
    try {
      code = Integer.parseInt(Files.readString(paths.exitFile()).trim());
      finishedAt = Files.getLastModifiedTime(paths.exitFile()).toInstant();
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException | NumberFormatException e) {
      code = 255;
      finishedAt = Instant.now();
    }
    ContainerRecord exited;
    boolean willRestart;
    boolean autoRemove;
    ReentrantLock lock = repo.lock(id);
    try {
      Optional<ContainerRecord> current = repo.get(id);
      if (current.isEmpty() || !current.get().state().running()) {
        deleteQuietly(paths.exitFile());
        return;
      }
      ContainerRecord r = current.get();
      ContainerContextImpl ctx = context(r);
      steps.stopped(ctx);
      teardown(id, paths);
      deleteQuietly(paths.exitFile());
      RestartPolicy policy = RestartPolicy.parse(r.request().path("HostConfig").get("RestartPolicy"));
      autoRemove = r.request().path("HostConfig").path("AutoRemove").asBoolean(false);
      willRestart = !autoRemove && policy.restartsAfter(code, r.state().restartCount(), r.state().stopRequested());
      exited = ctx.withContributedFields(r).withState(r.state().exited(code, finishedAt.toString(), willRestart));
      repo.put(exited);
    } finally {
      lock.unlock();
    }
    ContainerExit event = new ContainerExit(id, exited.name(), code, finishedAt, exited.state().stopRequested(),
        willRestart, context(exited).labels());
    for (Consumer<ContainerExit> l : exitListeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "exit listener failed for " + exited.shortId(), e);
      }
    }
    CompletableFuture<Integer> f = nextExit.remove(id);
    if (f != null) {
      f.complete(code);
    }
    if (autoRemove) {
      autoRemover.accept(id);
    } else if (willRestart) {
      // Docker's back-off: 100 ms, doubling with each restart.
      scheduleRestart(id, 100L << Math.min(exited.state().restartCount(), 10));
    }
  }

  private void scheduleRestart(String id, long delayMillis) {
    pendingRestarts.put(id, restarts.schedule(() -> {
      pendingRestarts.remove(id);
      ReentrantLock lock = repo.lock(id);
      try {
        Optional<ContainerRecord> r = repo.get(id);
        if (r.isPresent() && !r.get().state().running() && !r.get().state().stopRequested()) {
          doStart(r.get(), r.get().state().restartCount() + 1);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "restart of container " + id.substring(0, 12) + " failed: " + e.getMessage());
      } finally {
        lock.unlock();
      }
    }, delayMillis, TimeUnit.MILLISECONDS));
  }

  private void cancelRestart(String id) {
    ScheduledFuture<?> f = pendingRestarts.remove(id);
    if (f != null) {
      f.cancel(false);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // an exit file left behind is ignored once the container is no longer running
    }
  }

  static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
    restarts.shutdownNow();
    exitThread.shutdown();
  }
}
