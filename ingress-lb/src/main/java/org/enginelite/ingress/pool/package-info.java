/**
 * Backend sets, round-robin selection, passive health (back-off after a refused connect) and the counters
 * behind {@link org.enginelite.ingress.LbStats}. Shared by the TCP and UDP data paths.
 */
package org.enginelite.ingress.pool;
