package org.enginelite.engine.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.engine.HostFacts;
import org.enginelite.engine.api.RawBody;
import org.enginelite.engine.container.ContainerService;
import org.enginelite.engine.container.ContainerFilters;
import org.enginelite.engine.image.ImageStore;
import org.enginelite.engine.spi.ApiResponse;
import org.enginelite.engine.spi.EngineExtension;
import org.enginelite.engine.spi.Routes;

/** {@code /_ping}, {@code /version}, {@code /info}. */
public final class SystemRoutes {
  public static final String VERSION = "0.1.0";
  public static final String API_VERSION = "1.41";

  private final ContainerService containers;
  private final ImageStore images;
  private final Path dataRoot;
  private final List<EngineExtension> extensions;

  public SystemRoutes(ContainerService containers, ImageStore images, Path dataRoot) {
    this(containers, images, dataRoot, List.of());
  }

  /** {@code extensions} may add or replace sections of /info (the swarm's "Swarm"). */
  public SystemRoutes(ContainerService containers, ImageStore images, Path dataRoot,
      List<EngineExtension> extensions) {
    this.containers = containers;
    this.images = images;
    this.dataRoot = dataRoot;
    this.extensions = List.copyOf(extensions);
  }

  public void register(Routes r) {
    r.addInline("GET", "/_ping", q -> ApiResponse.ok(RawBody.text("OK")));
    r.addInline("HEAD", "/_ping", q -> ApiResponse.ok(RawBody.text("OK")));
    r.addInline("GET", "/version", q -> ApiResponse.ok(version()));
    r.get("/info", q -> ApiResponse.ok(info()));
    // docker system prune asks for this too; the engine builds no images, so there is no build cache to free.
    r.post("/build/prune", q -> {
      java.util.Map<String, Object> none = new java.util.LinkedHashMap<>();
      none.put("CachesDeleted", null);
      none.put("SpaceReclaimed", 0);
      return ApiResponse.ok(none);
    });
  }

  private Map<String, Object> version() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("ApiVersion", API_VERSION);
    details.put("MinAPIVersion", "1.24");
    details.put("Os", "linux");
    details.put("Arch", "amd64");
    details.put("KernelVersion", kernel());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("Platform", Map.of("Name", "engine-lite"));
    o.put("Components", List.of(Map.of("Name", "Engine", "Version", VERSION, "Details", details)));
    o.put("Version", VERSION);
    o.put("ApiVersion", API_VERSION);
    o.put("MinAPIVersion", "1.24");
    o.put("GitCommit", "");
    o.put("GoVersion", "java" + System.getProperty("java.version"));
    o.put("Os", "linux");
    o.put("Arch", "amd64");
    o.put("KernelVersion", kernel());
    o.put("BuildTime", "");
    return o;
  }

  private Map<String, Object> info() {
    var all = containers.list(true, new ContainerFilters(Map.of()));
    long running = all.stream().filter(c -> c.path("State").asText().equals("running")).count();
    long stopped = all.stream().filter(c -> c.path("State").asText().equals("exited")
        || c.path("State").asText().equals("created")).count();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ID", "engine-lite");
    o.put("Containers", all.size());
    o.put("ContainersRunning", running);
    o.put("ContainersPaused", 0);
    o.put("ContainersStopped", stopped);
    o.put("Images", images.list().size());
    o.put("Driver", "overlay2");
    o.put("DriverStatus", List.of());
    o.put("DockerRootDir", dataRoot.toString());
    o.put("Name", HostFacts.hostname());
    o.put("ServerVersion", VERSION);
    o.put("OperatingSystem", "engine-lite on Linux");
    o.put("OSType", "linux");
    o.put("Architecture", System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch"));
    o.put("KernelVersion", kernel());
    o.put("NCPU", Runtime.getRuntime().availableProcessors());
    o.put("MemTotal", HostFacts.memTotal());
    o.put("CgroupDriver", "cgroupfs");
    o.put("CgroupVersion", Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1");
    o.put("DefaultRuntime", "runc");
    o.put("Runtimes", Map.of("runc", Map.of("path", "runc")));
    o.put("LoggingDriver", "json-file");
    o.put("Plugins", Map.of("Volume", List.of("local"), "Network", List.of("bridge", "null"),
        "Log", List.of("json-file")));
    o.put("Swarm", Map.of("LocalNodeState", "inactive", "NodeID", "", "NodeAddr", "",
        "ControlAvailable", false, "Error", "", "RemoteManagers", List.of()));
    o.put("SecurityOptions", List.of());
    o.put("Warnings", List.of());
    extensions.forEach(e -> e.info(o));
    return o;
  }

  private static String kernel() {
    return System.getProperty("os.version");
  }
}
