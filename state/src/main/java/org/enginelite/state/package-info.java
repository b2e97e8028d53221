/** The SQLite implementation of the engine's single transactional state store. */
package org.enginelite.state;
