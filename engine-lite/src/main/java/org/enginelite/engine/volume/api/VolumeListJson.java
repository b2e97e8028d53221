package org.enginelite.engine.volume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code GET /volumes}; {@code Warnings} is null as Docker sends it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VolumeListJson(
    @JsonProperty("Volumes") List<VolumeJson> volumes,
    @JsonProperty("Warnings") List<String> warnings) {}
