/** Test support shared by every module: privileged-test gating, fresh network namespaces, contract tests. */
package org.enginelite.testkit;
