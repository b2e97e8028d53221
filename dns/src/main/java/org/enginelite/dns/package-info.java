/**
 * The embedded DNS server containers on user-defined networks query at 127.0.0.11:53: it answers names from a
 * {@link org.enginelite.dns.NameTable} (container names, network aliases, short ids) and forwards everything else
 * to the host's resolvers. Each server's sockets are created inside its container's network namespace.
 */
package org.enginelite.dns;
