/**
 * The routing mesh of a one-node swarm: every published port of a service is a frontend of the ingress load
 * balancer ({@link org.enginelite.ingress.LoadBalancer}) on the host, round-robin over the service's running
 * tasks, its backend set following the tasks as they come and go (removed ones drain).
 */
package org.enginelite.engine.swarm.ingress;
