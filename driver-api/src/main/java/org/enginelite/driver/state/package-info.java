/** The state-store contract every module writes through; the SQLite implementation lives in the state module. */
package org.enginelite.driver.state;
