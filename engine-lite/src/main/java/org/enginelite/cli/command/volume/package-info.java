/** {@code volume create|ls|inspect|rm|prune}, one class each, as the docker CLI's. */
package org.enginelite.cli.command.volume;
