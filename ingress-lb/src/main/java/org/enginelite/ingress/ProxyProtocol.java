package org.enginelite.ingress;

/**
 * Whether a TCP frontend prefixes each backend connection with a PROXY protocol header, so the backend sees
 * the client's address (https://www.haproxy.org/download/2.9/doc/proxy-protocol.txt).
 */
public enum ProxyProtocol {
  NONE,
  /** Human-readable header: {@code PROXY TCP4 src dst sport dport\r\n}. */
  V1,
  /** Binary header with the 12-byte signature. */
  V2
}
