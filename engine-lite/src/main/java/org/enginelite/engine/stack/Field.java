package org.enginelite.engine.stack;

import org.yaml.snakeyaml.nodes.Node;

/** One key of a YAML mapping, with its full dotted path ("services.web.ports") and the key's line. */
record Field(String key, String path, int line, Node value) {}
