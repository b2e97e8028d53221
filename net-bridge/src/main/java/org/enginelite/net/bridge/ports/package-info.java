/**
 * Host-port reservations: a published port is really held by the engine, as a bound (not listening) socket, from
 * publication until it is unpublished. Another program cannot take it, and a port another program holds is refused
 * at publication, with Docker's message. Traffic never reaches these sockets: DNAT redirects it first.
 */
package org.enginelite.net.bridge.ports;
