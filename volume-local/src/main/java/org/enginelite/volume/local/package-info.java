/**
 * Docker's {@code local} volume driver: a directory per volume under {@code <data-root>/volumes}, records in the
 * engine's state store, and the {@code type/o/device} options mounted with mount(2) while the volume is in use.
 */
package org.enginelite.volume.local;
