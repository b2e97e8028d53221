/** The contract every {@link org.enginelite.driver.ipam.IpamDriver} must meet, as an abstract JUnit suite. */
package org.enginelite.testkit.ipam;
