package org.enginelite.engine.volume.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.enginelite.driver.volume.Volume;
import org.enginelite.driver.volume.VolumeNames;
import org.enginelite.driver.volume.VolumeSpec;
import org.enginelite.engine.spi.ApiFilters;
import org.enginelite.engine.spi.ApiRequest;
import org.enginelite.engine.spi.ApiResponse;
import org.enginelite.engine.spi.Routes;
import org.enginelite.mount.volume.PruneReport;
import org.enginelite.mount.volume.VolumeFilter;
import org.enginelite.mount.volume.VolumeService;

/** The /volumes endpoints of the Docker Engine API v1.41. */
public final class VolumeRoutes {
  private final VolumeService volumes;

  public VolumeRoutes(VolumeService volumes) {
    this.volumes = volumes;
  }

  public void register(Routes routes) {
    routes.get("/volumes", this::list);
    routes.post("/volumes/create", this::create);
    routes.post("/volumes/prune", this::prune);
    routes.get("/volumes/{name}", this::inspect);
    routes.delete("/volumes/{name}", this::remove);
  }

  private ApiResponse list(ApiRequest req) {
    VolumeFilter filter = VolumeFilter.of(ApiFilters.values(req.query("filters").orElse(null)));
    return ApiResponse.ok(new VolumeListJson(volumes.list(filter).stream().map(VolumeJson::of).toList(), null));
  }

  private ApiResponse create(ApiRequest req) {
    VolumeCreateJson body = req.body(VolumeCreateJson.class);
    String name = body.name() == null || body.name().isEmpty() ? VolumeNames.anonymousName() : body.name();
    Volume v = volumes.create(Objects.requireNonNullElse(body.driver(), ""),
        new VolumeSpec(name, body.driverOpts(), body.labels(), false));
    return ApiResponse.created(VolumeJson.of(v));
  }

  private ApiResponse inspect(ApiRequest req) {
    return ApiResponse.ok(VolumeJson.of(volumes.inspect(req.pathParam("name"))));
  }

  private ApiResponse remove(ApiRequest req) {
    volumes.remove(req.pathParam("name"), req.queryFlag("force"));
    return ApiResponse.noContent();
  }

  private ApiResponse prune(ApiRequest req) {
    Map<String, List<String>> filters = ApiFilters.values(req.query("filters").orElse(null));
    PruneReport report = volumes.prune(VolumeFilter.of(filters));
    return ApiResponse.ok(new VolumePruneJson(
        report.volumesDeleted().isEmpty() ? null : report.volumesDeleted(), report.spaceReclaimed()));
  }
}
