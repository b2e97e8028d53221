/** Ingress load balancer throughput through loopback sockets: bulk bytes/s and request/response rate. */
package org.enginelite.benchmarks.ingress;
