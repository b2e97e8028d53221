/** The engine's own Docker API routes: system, containers, exec and images, over the container and image services. */
package org.enginelite.engine.routes;
