/**
 * The Docker Engine API's network JSON (v1.41: GET /networks, POST /networks/create, connect, disconnect,
 * prune, and the NetworkSettings of container inspect) as wire records apart from the domain, and the one
 * mapper between them. The unmodified docker CLI sends and reads exactly these shapes.
 */
package org.enginelite.engine.network.api;
