/** What the host already routes, read from /proc without netlink, so default pools avoid it. */
package org.enginelite.ipam.host;
