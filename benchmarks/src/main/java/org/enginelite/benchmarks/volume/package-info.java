/** Volume control-path microbenchmarks: the engine's work behind {@code volume create} and {@code volume rm}. */
package org.enginelite.benchmarks.volume;
