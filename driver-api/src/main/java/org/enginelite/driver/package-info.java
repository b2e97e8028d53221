/** Contracts shared by the engine and its drivers: error kinds here, SPIs in the sub-packages. */
package org.enginelite.driver;
