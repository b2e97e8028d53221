/** Namespace work: persistent network namespaces and running code inside them on throw-away threads. */
package org.enginelite.kernel.ns;
