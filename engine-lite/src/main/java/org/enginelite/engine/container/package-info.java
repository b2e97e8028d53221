/**
 * Containers on runc: records in the state store, an overlay rootfs and an engine-made network namespace per
 * start, a detached supervisor per process that writes the log and the exit code, restart policies, exec, logs
 * and attach, and recovery after the daemon restarts. Extensions' setup steps run at each phase.
 */
package org.enginelite.engine.container;
