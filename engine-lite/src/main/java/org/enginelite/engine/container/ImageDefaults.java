package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.enginelite.engine.image.ImageRecord.ImageConfig;

/**
 * What a container takes from its image at create, as Docker merges it into the container's config: the
 * image's EXPOSE ports (so {@code -P} publishes them), its VOLUME paths (each gets an anonymous volume unless
 * the container mounts something there) and its labels (the container's own win).
 */
final class ImageDefaults {
  private ImageDefaults() {}

  /** A copy of the create request with the image's defaults merged in. */
  static ObjectNode merge(ObjectNode request, ImageConfig image) {
    ObjectNode out = request.deepCopy();
    addKeys(out, "ExposedPorts", image.exposedPorts());
    addKeys(out, "Volumes", image.volumes());
    if (!image.labels().isEmpty()) {
      ObjectNode labels = out.objectNode();
      image.labels().forEach(labels::put);
      JsonNode own = out.get("Labels");
      if (own != null && own.isObject()) {
        own.fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
      }
      out.set("Labels", labels);
    }
    return out;
  }

  private static void addKeys(ObjectNode request, String field, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    JsonNode own = request.get(field);
    ObjectNode set = own != null && own.isObject() ? (ObjectNode) own : request.putObject(field);
    for (String k : keys) {
      if (!set.has(k)) {
        set.set(k, request.objectNode());
      }
    }
  }
}
