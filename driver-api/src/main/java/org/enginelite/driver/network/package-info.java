/**
 * The network driver contract: what the engine asks of a network driver (bridge, overlay) and the typed values it
 * passes. The central interface is {@link org.enginelite.driver.network.NetworkDriver}; optional abilities are
 * separate interfaces ({@link org.enginelite.driver.network.ExternalConnectivity},
 * {@link org.enginelite.driver.network.Reconciling}) that the engine finds with {@code instanceof}, so a driver
 * never carries stubs. Every value is a record validated when it is built; Docker's option maps are parsed once,
 * at the edge, into {@link org.enginelite.driver.network.BridgeOptions}.
 */
package org.enginelite.driver.network;
