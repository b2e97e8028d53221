package org.enginelite.engine.network.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** types.NetworksPruneReport: names of the networks POST /networks/prune removed (null when none, as Docker). */
public record PruneReportJson(@JsonProperty("NetworksDeleted") List<String> networksDeleted) {}
