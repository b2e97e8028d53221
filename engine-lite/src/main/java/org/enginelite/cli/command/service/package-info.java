/**
 * {@code service create|ls|ps|scale|update|logs|rm|inspect}, one class each, sending the swarm API's service specs
 * as the docker CLI builds them.
 */
package org.enginelite.cli.command.service;
