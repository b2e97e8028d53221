/**
 * Replicated services: the desired state ({@link org.enginelite.engine.service.ServiceSpec}), the tasks that
 * realise it ({@link org.enginelite.engine.service.Task}, one per replica slot as in Docker swarm), and the
 * {@link org.enginelite.engine.service.ServiceReconciler} that keeps the two together through a small
 * {@link org.enginelite.engine.service.TaskRuntime} the engine implements with containers.
 */
package org.enginelite.engine.service;
