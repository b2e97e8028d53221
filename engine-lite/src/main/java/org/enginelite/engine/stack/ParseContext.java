package org.enginelite.engine.stack;

import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.InvalidParameterException;
import org.yaml.snakeyaml.nodes.Node;

/** What every section parser shares: the file name for errors, the interpolator and the warnings so far. */
final class ParseContext {

  private final String fileName;
  private final Interpolator interpolator;
  private final List<ComposeWarning> warnings = new ArrayList<>();

  ParseContext(String fileName, Interpolator interpolator) {
    this.fileName = fileName;
    this.interpolator = interpolator;
    interpolator.onUnset((line, message) -> warn(line, message));
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** An invalid-file error: "docker-compose.yml line 7: ...". */
  InvalidParameterException error(int line, String message) {
    return new InvalidParameterException(fileName + " line " + line + ": " + message);
  }

  InvalidParameterException error(Node node, String message) {
    return error(line(node), message);
  }

  void warn(int line, String message) {
    warnings.add(new ComposeWarning(line, message));
  }

  String interpolate(String text, int line, String path) {
    return interpolator.apply(text, line, path);
  }

  /** In line order, whatever order the sections were read in. */
  List<ComposeWarning> warnings() {
    return warnings.stream().sorted(java.util.Comparator.comparingInt(ComposeWarning::line)).toList();
  }
}
