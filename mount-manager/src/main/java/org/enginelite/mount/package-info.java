/**
 * Turns every way a user writes a mount ({@code -v}, {@code --mount}, {@code --tmpfs}, {@code --volumes-from},
 * image volumes) into one validated list of {@link org.enginelite.mount.MountPlan}s, then into OCI mounts.
 * Parsing and validation are pure: nothing on the host is touched before the whole list is valid.
 */
package org.enginelite.mount;
