/** IPAM allocation cost: must not depend on the subnet size. */
package org.enginelite.benchmarks.ipam;
