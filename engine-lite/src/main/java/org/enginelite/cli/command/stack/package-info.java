/**
 * {@code stack deploy|ls|services|ps|rm}, worked out on the client as the docker CLI does: the compose file is
 * parsed and planned here ({@link org.enginelite.engine.stack}), and networks, volumes and services are created or
 * updated through the API with Docker's stack labels, so the daemon needs no stack endpoint.
 */
package org.enginelite.cli.command.stack;
