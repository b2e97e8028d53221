/** Choice of Netty transport (native epoll, NIO fallback) and the event loop groups made with it. */
package org.enginelite.ingress.transport;
