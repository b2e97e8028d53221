/**
 * The Docker Engine API's swarm service and task JSON (v1.41: POST /services/create, GET /services,
 * GET /tasks), as wire records apart from the domain ({@code *Json}), and the one mapper between them. The
 * unmodified docker CLI builds these for {@code docker service create} and {@code docker stack deploy}.
 */
package org.enginelite.engine.service.api;
