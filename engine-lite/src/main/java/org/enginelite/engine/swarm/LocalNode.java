package org.enginelite.engine.swarm;

import org.enginelite.engine.HostFacts;

/** What the one node reports about itself: hostname and capacity, read once from /proc. */
public record LocalNode(String hostname, long nanoCpus, long memoryBytes, String engineVersion) {

  public static LocalNode probe(String engineVersion) {
    return new LocalNode(HostFacts.hostname(), Runtime.getRuntime().availableProcessors() * 1_000_000_000L,
        HostFacts.memTotal(), engineVersion);
  }
}
