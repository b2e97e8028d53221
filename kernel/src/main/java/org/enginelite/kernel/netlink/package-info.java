/**
 * rtnetlink spoken directly: links (bridges, veth pairs), IPv4 addresses and routes, without forking {@code ip}.
 * Messages are encoded and decoded in pure Java on ByteBuffers ({@link org.enginelite.kernel.netlink.MessageBuilder},
 * {@link org.enginelite.kernel.netlink.Attributes}); only {@link org.enginelite.kernel.netlink.NetlinkSocket} touches
 * a file descriptor. A socket belongs to the network namespace it was opened in for its whole life, so
 * {@link org.enginelite.kernel.netlink.Rtnetlink#openIn} opens one inside a namespace once and any thread may then
 * use it. See rtnetlink(7) and netlink(7).
 */
package org.enginelite.kernel.netlink;
