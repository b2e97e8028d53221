/** File-system objects the JDK cannot make or drive: named pipes, pseudo-terminals. */
package org.enginelite.kernel.fs;
