/** Optional active TCP health checks; passive health lives in {@link org.enginelite.ingress.pool.Backend}. */
package org.enginelite.ingress.health;
