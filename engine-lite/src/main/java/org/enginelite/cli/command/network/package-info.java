/** {@code network create|ls|inspect|rm|prune|connect|disconnect}, one class each, as the docker CLI's. */
package org.enginelite.cli.command.network;
