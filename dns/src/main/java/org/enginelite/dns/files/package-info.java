/**
 * The files that tell a container how to resolve names: {@code /etc/resolv.conf} and {@code /etc/hosts}, rendered
 * as Docker renders them and written so a reader never sees half a file.
 */
package org.enginelite.dns.files;
