/** mount(2)/umount2(2) facade and /proc/self/mountinfo parsing. */
package org.enginelite.kernel.mount;
