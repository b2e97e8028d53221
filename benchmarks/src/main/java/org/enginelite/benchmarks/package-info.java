/** JMH microbenchmarks of the suite's hot paths; all share {@link org.enginelite.benchmarks.AbstractMicrobenchmark}. */
package org.enginelite.benchmarks;
