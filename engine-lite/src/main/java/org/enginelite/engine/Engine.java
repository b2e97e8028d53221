package org.enginelite.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enginelite.driver.state.StateStore;
import org.enginelite.engine.api.ApiServer;
import org.enginelite.engine.api.Router;
import org.enginelite.engine.container.ContainerService;
import org.enginelite.engine.image.ImageStore;
import org.enginelite.engine.routes.ContainerRoutes;
import org.enginelite.engine.routes.ExecRoutes;
import org.enginelite.engine.routes.ImageRoutes;
import org.enginelite.engine.routes.SystemRoutes;
import org.enginelite.engine.spi.ContainerExit;
import org.enginelite.engine.spi.ContainerSetupStep;
import org.enginelite.engine.spi.Containers;
import org.enginelite.engine.spi.EngineContext;
import org.enginelite.engine.spi.EngineExtension;
import org.enginelite.state.SqliteStateStore;

/**
 * The engine wired together: the one state store, images, containers with the extensions' setup steps, the
 * routes (extensions' first, so a feature may answer a core path such as /info), and the API socket.
 */
public final class Engine implements EngineContext, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Engine.class.getName());

  private final Path dataRoot;
  private final Path execRoot;
  private final List<String> defaultAddressPools;
  private final ObjectMapper json = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final StateStore store;
  private final ImageStore images;
  private final List<EngineExtension> extensions;
  private final ContainerService containers;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "api-worker");
    t.setDaemon(true);
    return t;
  });
  private final List<Consumer<ContainerExit>> pendingListeners = new ArrayList<>();
  private ApiServer server;

  public Engine(Path dataRoot, Path execRoot) throws IOException {
    this(dataRoot, execRoot, List.of());
  }

  /** As {@link #Engine(Path, Path)} with the daemon's {@code --default-address-pool} values. */
  public Engine(Path dataRoot, Path execRoot, List<String> defaultAddressPools) throws IOException {
    this.defaultAddressPools = List.copyOf(defaultAddressPools);
    this.dataRoot = Files.createDirectories(dataRoot);
    this.execRoot = Files.createDirectories(execRoot);
    this.store = SqliteStateStore.open(dataRoot);
    this.images = new ImageStore(store, dataRoot, json);
    // Extensions see this context while the container service is not built yet; they may keep it but must
    // call containers() only from started() on.
    DeferredContainers deferred = new DeferredContainers();
    this.extensions = EngineExtensions.all(withContainers(deferred));
    List<ContainerSetupStep> steps = new ArrayList<>();
    extensions.forEach(e -> steps.addAll(e.setupSteps()));
    this.containers = new ContainerService(store, images, dataRoot, execRoot, steps, json);
    deferred.set(containers);
    pendingListeners.forEach(containers::onExit);
    pendingListeners.clear();
  }

  /**
   * Recovers containers, lets every extension restore its state, and only then binds the socket: as with
   * Docker, a client that gets an answer sees the restored engine (published ports bound again, services
   * adopted), never a half-restored one.
   */
  public void start(Path socket) throws IOException {
    containers.recover();
    Router router = new Router();
    extensions.forEach(e -> e.routes(router));
    new SystemRoutes(containers, images, dataRoot, extensions).register(router);
    new ContainerRoutes(containers).register(router);
    new ExecRoutes(containers.execs()).register(router);
    new ImageRoutes(images, containers).register(router);
    for (EngineExtension e : extensions) {
      try {
        e.started(this);
      } catch (RuntimeException ex) {
        LOG.log(Level.WARNING, e.getClass().getSimpleName() + " failed to reconcile: " + ex.getMessage(), ex);
      }
    }
    server = ApiServer.start(socket, router, workers, json);
  }

  private EngineContext withContainers(Containers c) {
    Engine self = this;
    return new EngineContext() {
      @Override
      public StateStore store() {
        return self.store;
      }

      @Override
      public Path dataRoot() {
        return self.dataRoot;
      }

      @Override
      public Path execRoot() {
        return self.execRoot;
      }

      @Override
      public Containers containers() {
        return c;
      }

      @Override
      public List<String> defaultAddressPools() {
        return self.defaultAddressPools;
      }

      @Override
      public ObjectMapper json() {
        return self.json;
      }

      @Override
      public void onExit(Consumer<ContainerExit> listener) {
        self.onExit(listener);
      }
    };
  }

  @Override
  public StateStore store() {
    return store;
  }

  @Override
  public Path dataRoot() {
    return dataRoot;
  }

  @Override
  public Path execRoot() {
    return execRoot;
  }

  @Override
  public List<String> defaultAddressPools() {
    return defaultAddressPools;
  }

  @Override
  public Containers containers() {
    return containers;
  }

  @Override
  public ObjectMapper json() {
    return json;
  }

  @Override
  public void onExit(Consumer<ContainerExit> listener) {
    if (containers == null) {
      pendingListeners.add(listener);
    } else {
      containers.onExit(listener);
    }
  }

  /** Stops serving; containers keep running and are picked up by the next start. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    for (EngineExtension e : extensions) {
      try {
        e.close();
      } catch (Exception ex) {
        LOG.log(Level.WARNING, "closing " + e.getClass().getSimpleName(), ex);
      }
    }
    try {
      containers.close();
    } catch (IOException ignored) {
      // shutting down
    }
    workers.shutdownNow();
    store.close();
  }
}
