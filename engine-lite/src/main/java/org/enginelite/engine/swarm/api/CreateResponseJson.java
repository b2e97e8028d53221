package org.enginelite.engine.swarm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** POST /services/create's answer (ID) and /services/{id}/update's (Warnings only). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateResponseJson(@JsonProperty("ID") String id, @JsonProperty("Warnings") List<String> warnings) {}
