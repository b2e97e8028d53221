/** Network driver benchmarks: endpoint create+join into a fresh namespace, the data behind join-vs-cni.sh. */
package org.enginelite.benchmarks.network;
