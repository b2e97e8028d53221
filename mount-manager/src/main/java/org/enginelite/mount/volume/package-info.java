/**
 * The engine's view of volumes across drivers: which containers refer to which volume (kept in the same store
 * transaction as the container), create-if-missing for {@code run}, removal refused while referenced, prune.
 */
package org.enginelite.mount.volume;
