/**
 * Name resolution between containers: an embedded DNS server in each running container's namespace on a
 * user-defined network, fed with container names, network aliases and short ids as endpoints come and go.
 */
package org.enginelite.engine.dns;
