/**
 * The volume driver contract: {@link org.enginelite.driver.volume.VolumeDriver} and the records it speaks in.
 * Docker's {@code --opt} maps are parsed once at this edge ({@link org.enginelite.driver.volume.LocalVolumeOptions}).
 */
package org.enginelite.driver.volume;
