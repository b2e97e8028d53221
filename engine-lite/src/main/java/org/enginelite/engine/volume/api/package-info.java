/** The /volumes endpoints of the Docker Engine API v1.41 and their JSON shapes. */
package org.enginelite.engine.volume.api;
