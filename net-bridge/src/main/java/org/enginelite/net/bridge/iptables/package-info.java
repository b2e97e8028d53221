/**
 * The driver's firewall: rules in chains of its own (EL-FORWARD, EL-ISOLATION-1/2 in filter; EL-DNAT, EL-POSTROUTING
 * in nat), each rule carrying a comment tag that names the network or endpoint it belongs to. Changes are computed
 * against one {@code iptables-save} and applied in one atomic {@code iptables-restore --noflush}, so re-applying a
 * network's rules replaces them without a window, and recovery removes rules by tag.
 */
package org.enginelite.net.bridge.iptables;
