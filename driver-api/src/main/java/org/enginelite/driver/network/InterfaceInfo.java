package org.enginelite.driver.network;

/**
 * An endpoint's interface as the engine reports it ({@code network inspect}, container NetworkSettings).
 *
 * @param hostInterface the host side of the endpoint's link (the veth end on the bridge)
 */
public record InterfaceInfo(MacAddress mac, Cidr address, IfName hostInterface) {}
