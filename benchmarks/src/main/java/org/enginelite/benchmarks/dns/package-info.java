/** Embedded DNS: one query's round trip over loopback, answered from the table or forwarded upstream. */
package org.enginelite.benchmarks.dns;
