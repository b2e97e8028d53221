package org.enginelite.engine.container;

/** One line of a container's output: which stream, when (epoch seconds), and the text without its newline. */
public record LogLine(boolean stderr, long epochSecond, String text) {}
