/**
 * Set-up as a queue of named steps, one concern each (libnetwork's queueStep, CNI's success flag): each step knows
 * how to undo itself, and {@link org.enginelite.net.bridge.setup.StepQueue} undoes the completed ones in reverse
 * when a later one fails, so a failed create leaves nothing behind.
 */
package org.enginelite.net.bridge.setup;
