/**
 * The single-node swarm: {@code swarm init}/{@code leave}, the one manager node, and the services and tasks API
 * on top of {@link org.enginelite.engine.service.ServiceReconciler}, with Docker Engine API v1.41 shapes so the
 * unmodified docker CLI's swarm, service and stack verbs work.
 */
package org.enginelite.engine.swarm;
