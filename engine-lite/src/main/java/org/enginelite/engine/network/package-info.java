/**
 * Networks in the engine: the network and endpoint records in the engine's state store, the predefined
 * {@code bridge}, {@code host} and {@code none} networks, create/remove/connect/disconnect on top of the IPAM and
 * network drivers, the container setup step that gives a container its interfaces, published ports and
 * {@code /etc/hosts}, {@code /etc/hostname}, {@code /etc/resolv.conf}, and reconciliation after a crash.
 */
package org.enginelite.engine.network;
