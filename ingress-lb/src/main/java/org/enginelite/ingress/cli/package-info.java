/** The {@code lb} command: the load balancer on its own, driven by command-line flags. */
package org.enginelite.ingress.cli;
