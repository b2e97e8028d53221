/**
 * Stacks: the compose v3 subset {@code docker stack deploy} reads ({@link org.enginelite.engine.stack.ComposeFile},
 * parsed with line numbers for every warning and error), and the {@link org.enginelite.engine.stack.StackPlanner}
 * that names and labels a stack's services, networks and volumes as Docker does and diffs them against what
 * exists, so deploying again updates in place.
 */
package org.enginelite.engine.stack;
