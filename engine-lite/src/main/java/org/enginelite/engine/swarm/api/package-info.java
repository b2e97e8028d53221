/**
 * Docker Engine API v1.41 JSON of the swarm itself (GET /swarm, the Swarm section of GET /info, nodes), kept
 * apart from the domain records and mapped in {@link org.enginelite.engine.swarm.api.SwarmApiMapper}.
 */
package org.enginelite.engine.swarm.api;
