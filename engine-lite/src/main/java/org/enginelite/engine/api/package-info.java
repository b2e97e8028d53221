/**
 * The Docker Engine API transport: a Netty epoll server on a unix socket, a router of method + path templates
 * (version prefixes stripped), JSON answers, chunked streams and Docker's hijacked raw streams, and the one
 * mapping of error kinds to HTTP status.
 */
package org.enginelite.engine.api;
