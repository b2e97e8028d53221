/**
 * The IP address management contract: pools of addresses per network and the addresses handed to endpoints.
 * Values here ({@link org.enginelite.driver.ipam.Ipv4Address}, {@link org.enginelite.driver.ipam.Ipv4Cidr}) are
 * immutable and validated when made, so drivers never pass address strings around.
 */
package org.enginelite.driver.ipam;
