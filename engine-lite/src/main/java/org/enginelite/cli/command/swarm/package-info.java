/** {@code swarm init|leave}: the single-node swarm the service and stack verbs need, as docker's. */
package org.enginelite.cli.command.swarm;
