/** The UDP data path: flows keyed by client address, each pinned to a backend, expiring when idle. */
package org.enginelite.ingress.udp;
