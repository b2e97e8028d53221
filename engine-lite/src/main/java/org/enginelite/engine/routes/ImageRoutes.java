package org.enginelite.engine.routes;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.api.StreamBody;
import org.enginelite.engine.container.ContainerService;
import org.enginelite.engine.image.ImageRecord;
import org.enginelite.engine.image.ImageRefs;
import org.enginelite.engine.image.ImageStore;
import org.enginelite.engine.spi.ApiFilters;
import org.enginelite.engine.spi.ApiRequest;
import org.enginelite.engine.spi.ApiResponse;
import org.enginelite.engine.spi.Routes;

/** Docker's {@code /images} endpoints for local images: import, list, inspect, remove. */
public final class ImageRoutes {
  private final ImageStore images;
  private final ContainerService containers;

  public ImageRoutes(ImageStore images, ContainerService containers) {
    this.images = images;
    this.containers = containers;
  }

  public void register(Routes r) {
    r.post("/images/create", this::create);
    r.post("/images/prune", q -> ApiResponse.ok(images.prune(danglingOnly(ApiFilters.parse(q.query("filters").orElse(null), Set.of("dangling"))),
        containers::userOfImage)));
    r.post("/images/{name:.*}/tag", q -> {
      String repo = q.query("repo").orElse("");
      if (repo.isEmpty()) {
        throw new InvalidParameterException("repository name must have at least one component");
      }
      images.tag(q.pathParam("name"), ImageRefs.tagOf(repo, q.query("tag").orElse("")));
      return ApiResponse.created(null);
    });
    r.get("/images/json", q -> ApiResponse.ok(images.list().stream().map(this::summary).toList()));
    r.get("/images/{name:.*}/json", q -> ApiResponse.ok(inspect(images.resolve(q.pathParam("name")))));
    r.delete("/images/{name:.*}", q -> ApiResponse.ok(
        images.remove(q.pathParam("name"), q.queryFlag("force"), containers::userOfImage)));
  }

  private ApiResponse create(ApiRequest q) throws Exception {
    String fromSrc = q.query("fromSrc").orElse("");
    if (!fromSrc.equals("-")) {
      String image = q.query("fromImage").orElse(fromSrc);
      // No registry is reachable from this engine: only imported images exist.
      throw new NotFoundException("pull access denied for " + image
          + ": engine-lite has no registry; import a rootfs tarball with docker import");
    }
    String tag = ImageRefs.tagOf(q.query("repo").orElse(""), q.query("tag").orElse(""));
    var config = ImportChanges.parse(q.queryAll("changes"));
    ImageRecord image = images.importTarball(new ByteArrayInputStream(q.bodyBytes()), tag, config);
    return ApiResponse.ok(StreamBody.chunked("application/json", sink ->
        sink.write(("{\"status\":\"" + image.id() + "\"}\r\n").getBytes(StandardCharsets.UTF_8))));
  }

  /** The prune filter dangling (default true); other filters are refused. */
  private static boolean danglingOnly(ApiFilters filters) {
    boolean dangling = true;
    for (String v : filters.get("dangling")) {
      if (!v.matches("(?i)true|false|1|0")) {
        throw new InvalidParameterException("Invalid filter 'dangling=" + v + "'");
      }
      dangling = v.equalsIgnoreCase("true") || v.equals("1");
    }
    return dangling;
  }

  private Map<String, Object> summary(ImageRecord i) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("Containers", -1);
    o.put("Created", Instant.parse(i.created()).getEpochSecond());
    o.put("Id", i.id());
    o.put("Labels", Map.of());
    o.put("ParentId", "");
    o.put("RepoDigests", List.of());
    o.put("RepoTags", i.repoTags());
    o.put("SharedSize", -1);
    o.put("Size", i.size());
    o.put("VirtualSize", i.size());
    return o;
  }

  /** Docker's set shape: {"80/tcp": {}}; null when empty, as Docker writes it. */
  private static Map<String, Object> emptyObjects(List<String> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    Map<String, Object> o = new LinkedHashMap<>();
    keys.forEach(k -> o.put(k, Map.of()));
    return o;
  }

  private Map<String, Object> inspect(ImageRecord i) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("Cmd", i.config().cmd().isEmpty() ? null : i.config().cmd());
    config.put("Entrypoint", i.config().entrypoint().isEmpty() ? null : i.config().entrypoint());
    config.put("Env", i.config().env());
    config.put("WorkingDir", i.config().workingDir());
    config.put("User", i.config().user());
    config.put("ExposedPorts", emptyObjects(i.config().exposedPorts()));
    config.put("Volumes", emptyObjects(i.config().volumes()));
    config.put("Labels", i.config().labels().isEmpty() ? null : i.config().labels());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("Id", i.id());
    o.put("RepoTags", i.repoTags());
    o.put("RepoDigests", List.of());
    o.put("Parent", "");
    o.put("Comment", "Imported from -");
    o.put("Created", i.created());
    o.put("DockerVersion", "");
    o.put("Author", "");
    o.put("Config", config);
    o.put("Architecture", "amd64");
    o.put("Os", "linux");
    o.put("Size", i.size());
    o.put("GraphDriver", Map.of("Name", "overlay2", "Data", Map.of()));
    o.put("RootFS", Map.of("Type", "layers", "Layers", List.of("sha256:" + i.layer())));
    o.put("Metadata", Map.of("LastTagTime", i.created()));
    return o;
  }
}
