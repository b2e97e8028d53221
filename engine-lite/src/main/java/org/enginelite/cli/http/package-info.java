/**
 * HTTP/1.1 over the daemon's unix socket, as the CLI needs it: plain requests, chunked and streamed bodies, and
 * the hijacked connection of {@code attach}. The JDK's HttpClient cannot dial a unix socket, and Netty would cost
 * the CLI its start-up time, so this small client sits on {@link java.nio.channels.SocketChannel}.
 */
package org.enginelite.cli.http;
