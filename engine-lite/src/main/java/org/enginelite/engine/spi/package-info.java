/**
 * The seams other features plug into the engine through.
 *
 * <p>An {@link org.enginelite.engine.spi.EngineExtension} is listed once in
 * {@link org.enginelite.engine.EngineExtensions#all}; it contributes {@link org.enginelite.engine.spi.ContainerSetupStep}s
 * (validate and create at container create, in the record's store transaction; start before runc runs the
 * process; stopped, reattach, remove), API {@link org.enginelite.engine.spi.Routes}, and reconciles in
 * {@code started}. Steps undo in reverse when a later one fails. {@link org.enginelite.engine.spi.EngineContext}
 * gives the store, the roots, the {@link org.enginelite.engine.spi.Containers} service and exit notifications.
 * Errors are always {@link org.enginelite.driver.DriverException}s.
 */
package org.enginelite.engine.spi;
