/** The contract every {@link org.enginelite.driver.volume.VolumeDriver} passes, as an abstract test to subclass. */
package org.enginelite.testkit.volume;
