/**
 * Volumes and mounts in the engine: the local driver and the volume service set up once, a container setup step
 * that plans, references, mounts and releases a container's volumes, binds and tmpfs.
 */
package org.enginelite.engine.volume;
