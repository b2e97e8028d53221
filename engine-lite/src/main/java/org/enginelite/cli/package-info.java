/**
 * The {@code engine-lite} command line: Docker's verbs, flags, messages and tables, spoken to the daemon over
 * the Docker Engine API v1.41 on its unix socket. {@link org.enginelite.cli.EngineLiteCli} is the entry point;
 * {@link org.enginelite.cli.CommandRegistry} lists every verb in one place.
 */
package org.enginelite.cli;
