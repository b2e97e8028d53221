/**
 * The TCP data path: listener sockets per event loop, a session per client joining it to a backend connection on
 * the same loop, and relays with backpressure and half-close in both directions.
 */
package org.enginelite.ingress.tcp;
