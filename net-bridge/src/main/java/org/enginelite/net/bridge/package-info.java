/**
 * The bridge network driver: one Linux bridge per network ({@code el0} for the default network, {@code elbr-<id12>}
 * for the others), a veth pair per endpoint ({@code elv<endpoint id12>} on the host, {@code ethN} in the container),
 * NAT, isolation and published ports in iptables chains of its own ({@code EL-}). Set-up is a queue of small named
 * steps in {@link org.enginelite.net.bridge.setup}; firewall rules live in {@link org.enginelite.net.bridge.iptables};
 * host-port reservations in {@link org.enginelite.net.bridge.ports}.
 */
package org.enginelite.net.bridge;
