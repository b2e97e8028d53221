package org.enginelite.engine.image;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored image: one read-only layer unpacked under the data-root, and the parts of an image config the engine
 * uses as container defaults. {@code id} is {@code sha256:<hex>} of the config, as Docker's image ids are.
 */
public record ImageRecord(String id, List<String> repoTags, String created, String layer, long size,
    ImageConfig config) {
  public ImageRecord {
    repoTags = List.copyOf(repoTags);
  }

  public ImageRecord withRepoTags(List<String> tags) {
    return new ImageRecord(id, tags, created, layer, size, config);
  }

  /**
   * Container defaults carried by the image ({@code docker import --change} sets them; empty otherwise).
   * {@code exposedPorts} ("80/tcp") and {@code volumes} (container paths) are EXPOSE and VOLUME; a container
   * created from the image gets them, and the image's labels, merged into its own config, as in Docker.
   */
  public record ImageConfig(List<String> cmd, List<String> entrypoint, List<String> env, String workingDir,
      String user, List<String> exposedPorts, List<String> volumes, Map<String, String> labels) {
    public ImageConfig {
      cmd = cmd == null ? List.of() : List.copyOf(cmd);
      entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
      env = env == null ? List.of() : List.copyOf(env);
      workingDir = workingDir == null ? "" : workingDir;
      user = user == null ? "" : user;
      exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
      volumes = volumes == null ? List.of() : List.copyOf(volumes);
      labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public ImageConfig(List<String> cmd, List<String> entrypoint, List<String> env, String workingDir,
        String user) {
      this(cmd, entrypoint, env, workingDir, user, List.of(), List.of(), Map.of());
    }

    public static ImageConfig empty() {
      return new ImageConfig(List.of(), List.of(),
          List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), "", "");
    }
  }
}
