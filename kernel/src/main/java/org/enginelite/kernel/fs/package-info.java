/** File-system objects the JDK cannot make: named pipes. */
package org.enginelite.kernel.fs;
