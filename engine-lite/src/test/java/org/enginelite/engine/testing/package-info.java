/**
 * Test fixtures for root integration tests of the engine: {@link org.enginelite.engine.testing.TestDaemon} (a
 * real daemon process in its own network namespace, with kill9 and restart), {@link
 * org.enginelite.engine.testing.RawApi} (HTTP over the unix socket) and {@link
 * org.enginelite.engine.testing.BusyboxImage}.
 */
package org.enginelite.engine.testing;
