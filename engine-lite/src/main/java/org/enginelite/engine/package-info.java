/**
 * The engine-lite daemon: {@link org.enginelite.engine.EngineDaemon} (main), {@link org.enginelite.engine.Engine}
 * (wiring) and {@link org.enginelite.engine.EngineExtensions} (the one list of features plugged in).
 */
package org.enginelite.engine;
