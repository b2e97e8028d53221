/** Local images: rootfs tarballs imported and unpacked once into a read-only layer, tagged, listed and removed. */
package org.enginelite.engine.image;
