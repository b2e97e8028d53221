/**
 * Parsers of the docker CLI's flag syntaxes ({@code -p}, {@code --mount}, {@code --restart}, {@code -e},
 * {@code --filter}, {@code key=value} lists), with its error messages. Each turns text into API values once, at
 * the edge.
 */
package org.enginelite.cli.flags;
