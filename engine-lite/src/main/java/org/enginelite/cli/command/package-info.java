/**
 * Container and image verbs, one class each ({@code run}, {@code ps}, {@code logs}, {@code image ls} ...), with
 * the flags, messages, exit statuses and tables of the docker CLI.
 */
package org.enginelite.cli.command;
