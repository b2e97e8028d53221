package org.enginelite.engine.network.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.network.ContainerHandle;
import org.enginelite.engine.network.ContainerNetworkConfig;
import org.enginelite.engine.network.ContainerNetworking;
import org.enginelite.engine.network.EndpointRecord;
import org.enginelite.engine.network.EndpointRequest;
import org.enginelite.engine.network.LiveHostsFile;
import org.enginelite.engine.network.NetworkFilters;
import org.enginelite.engine.network.NetworkRecord;
import org.enginelite.engine.network.NetworkService;
import org.enginelite.engine.spi.ApiFilters;
import org.enginelite.engine.spi.ApiRequest;
import org.enginelite.engine.spi.ApiResponse;
import org.enginelite.engine.spi.ContainerFacts;
import org.enginelite.engine.spi.Containers;
import org.enginelite.engine.spi.Routes;

/** The /networks endpoints of the Docker Engine API v1.41. */
public final class NetworkRoutes {
  private static final System.Logger LOG = System.getLogger(NetworkRoutes.class.getName());
  private final NetworkService networks;
  private final ContainerNetworking containerNetworking;
  private final Containers containers;
  private final Path netnsDir;
  private final SettingsChanged afterChange;

  /** Told when connect or disconnect changed a container's networks, so its inspect data can follow. */
  @FunctionalInterface
  public interface SettingsChanged {
    void changed(ContainerHandle container, boolean running);
  }

  /**
   * @param netnsDir where containers' namespaces are pinned ({@code <exec-root>/netns})
   * @param afterChange called when a connect or disconnect changed a container's networks
   */
  public NetworkRoutes(NetworkService networks, ContainerNetworking containerNetworking, Containers containers,
      Path netnsDir, SettingsChanged afterChange) {
    this.networks = networks;
    this.containerNetworking = containerNetworking;
    this.containers = containers;
    this.netnsDir = netnsDir;
    this.afterChange = afterChange;
  }

  public void register(Routes routes) {
    routes.get("/networks", this::list);
    routes.get("/networks/{id}", this::inspect);
    routes.post("/networks/create", this::create);
    routes.delete("/networks/{id}", this::remove);
    routes.post("/networks/prune", this::prune);
    routes.post("/networks/{id}/connect", this::connect);
    routes.post("/networks/{id}/disconnect", this::disconnect);
  }

  private ApiResponse list(ApiRequest req) {
    NetworkFilters filters = NetworkFilters.forList(ApiFilters.values(req.query("filters").orElse(null)));
    return ApiResponse.ok(networks.list(filters).stream()
        .map(n -> NetworkApiMapper.toJson(n, List.of())).toList());
  }

  private ApiResponse inspect(ApiRequest req) {
    NetworkRecord n = networks.find(req.pathParam("id"));
    return ApiResponse.ok(NetworkApiMapper.toJson(n, networks.store().endpointsOfNetwork(n.id())));
  }

  private ApiResponse create(ApiRequest req) {
    NetworkRecord n = networks.create(NetworkApiMapper.toRequest(req.body(NetworkCreateJson.class)));
    return ApiResponse.created(new NetworkCreateJson.Response(n.id(), ""));
  }

  private ApiResponse remove(ApiRequest req) {
    networks.remove(req.pathParam("id"));
    return ApiResponse.noContent();
  }

  private ApiResponse prune(ApiRequest req) {
    List<String> removed = networks.prune(
        NetworkFilters.forPrune(ApiFilters.values(req.query("filters").orElse(null))));
    return ApiResponse.ok(new PruneReportJson(removed.isEmpty() ? null : removed));
  }

  /**
   * Under the container's lock (it neither starts nor stops meanwhile), the endpoint, the lease and the
   * container's NetworkSettings are written in one store transaction, so one commit (one fsync). /etc/hosts of a
   * running container is written with the record, while the interface is made; when the connect fails after
   * all, its line comes out again.
   */
  private ApiResponse connect(ApiRequest req) {
    ConnectJson body = req.body(ConnectJson.class);
    NetworkRecord n = networks.find(req.pathParam("id"));
    EndpointSettingsJson cfg = body.endpointConfig();
    Optional<String> ip = Optional.ofNullable(cfg == null || cfg.ipamConfig() == null ? null
        : cfg.ipamConfig().ipv4Address());
    List<String> aliases = cfg == null || cfg.aliases() == null ? List.of() : cfg.aliases();
    String id = findContainer(body.container());
    containers.locked(id, () -> {
      Loaded c = load(id);
      recorded(c, LiveHostsFile::connected, LiveHostsFile::disconnected, alsoRecord -> containerNetworking.connect(
          c.handle(), c.running(), n, new EndpointRequest(n.id(), ip, aliases), alsoRecord));
      return null;
    });
    return ApiResponse.ok(null);
  }

  /**
   * As connect: one store transaction, and /etc/hosts of a running container rewritten while its interface is
   * taken out; when the disconnect fails after all, the line goes back.
   */
  private ApiResponse disconnect(ApiRequest req) {
    DisconnectJson body = req.body(DisconnectJson.class);
    NetworkRecord n = networks.find(req.pathParam("id"));
    if (body.container() == null || body.container().isEmpty()) {
      throw new InvalidParameterException("container name or id must not be empty");
    }
    Optional<String> id = containers.find(body.container());
    if (id.isEmpty()) {
      if (body.force() && containerNetworking.forgetStale(body.container(), n)) {
        return ApiResponse.ok(null);
      }
      throw new NotFoundException("No such container: " + body.container());
    }
    containers.locked(id.get(), () -> {
      Loaded c = load(id.get());
      recorded(c, LiveHostsFile::disconnected, LiveHostsFile::connected, alsoRecord -> containerNetworking.disconnect(
          c.handle().id(), c.handle().name(), c.running(), n, alsoRecord));
      return null;
    });
    return ApiResponse.ok(null);
  }

  /**
   * Runs {@code change} (a connect or a disconnect) in one store transaction, handing it what to write with the
   * endpoint: the container's NetworkSettings and, on a running container, its /etc/hosts ({@code hosts}). When
   * the change fails after the hosts file was written, {@code undoHosts} puts it back.
   */
  private void recorded(Loaded c, BiConsumer<LiveHostsFile, EndpointRecord> hosts,
      BiConsumer<LiveHostsFile, EndpointRecord> undoHosts, Consumer<Consumer<EndpointRecord>> change) {
    AtomicReference<EndpointRecord> written = new AtomicReference<>();
    try {
      networks.store().state().transact(() -> change.accept(e -> {
        afterChange.changed(c.handle(), c.running());
        if (c.running()) {
          updateHosts(() -> hosts.accept(c.hosts(), e));
          written.set(e);
        }
      }));
    } catch (RuntimeException failure) {
      EndpointRecord e = written.get();
      if (e != null) {
        updateHosts(() -> undoHosts.accept(c.hosts(), e));
      }
      throw failure;
    }
  }

  /** A hosts file that cannot be written is worth a warning, not a failed connect or disconnect. */
  private static void updateHosts(Runnable update) {
    try {
      update.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot update /etc/hosts: " + e.getMessage(), e);
    }
  }

  private record Loaded(ContainerHandle handle, boolean running, LiveHostsFile hosts) {}

  private String findContainer(String ref) {
    if (ref == null || ref.isEmpty()) {
      throw new InvalidParameterException("container name or id must not be empty");
    }
    return containers.find(ref).orElseThrow(() -> new NotFoundException("No such container: " + ref));
  }

  /** The container as its record holds it: no inspect body is built, the request is parsed as at its start. */
  private Loaded load(String id) {
    ContainerFacts f = containers.facts(id);
    ContainerNetworkConfig cfg = ContainerNetworkConfig.parse(f.createRequest(), f.hostConfig(), containersJson());
    LiveHostsFile hosts = new LiveHostsFile(f.hostsPath(), f.effectiveHostname(), f.domainname());
    return new Loaded(new ContainerHandle(f.id(), f.name(), cfg, netnsDir.resolve("el-" + f.id().substring(0, 12))),
        f.running(), hosts);
  }

  private static ObjectNode containersJson() {
    return JsonNodeFactory.instance.objectNode();
  }
}
