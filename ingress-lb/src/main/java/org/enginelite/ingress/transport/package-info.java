/** Choice of Netty transport (io_uring, else native epoll, else NIO) and the event loop groups made with it. */
package org.enginelite.ingress.transport;
