/** Terminal conventions the daemon and the CLI share: the detach key sequence of an attached TTY. */
package org.enginelite.terminal;
