package org.enginelite.engine.volume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code POST /volumes/prune}; Docker sends null when nothing was deleted. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VolumePruneJson(
    @JsonProperty("VolumesDeleted") List<String> volumesDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
