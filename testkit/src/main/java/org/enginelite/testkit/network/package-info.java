/** The contract every network driver passes, as an abstract privileged test suite each driver module subclasses. */
package org.enginelite.testkit.network;
