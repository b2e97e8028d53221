/** Kernel parameters (/proc/sys), per network namespace for the net.* ones. */
package org.enginelite.kernel.sysctl;
