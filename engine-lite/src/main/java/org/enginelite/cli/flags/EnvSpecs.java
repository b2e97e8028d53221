package org.enginelite.cli.flags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.cli.CliException;

/**
 * {@code -e} and {@code --env-file} as the docker CLI reads them: a variable given without a value takes the
 * CLI's own environment value when it has one; env files skip blank and {@code #} lines.
 */
public final class EnvSpecs {

  private EnvSpecs() {}

  public static List<String> parse(List<String> files, List<String> values) {
    List<String> out = new ArrayList<>();
    for (String f : files == null ? List.<String>of() : files) {
      try {
        for (String line : Files.readAllLines(Path.of(f))) {
          String l = line.stripLeading();
          if (!l.isEmpty() && !l.startsWith("#")) {
            out.add(resolve(l));
          }
        }
      } catch (IOException e) {
        throw new CliException("open " + f + ": no such file or directory");
      }
    }
    for (String v : values == null ? List.<String>of() : values) {
      out.add(resolve(v));
    }
    return out;
  }

  private static String resolve(String v) {
    if (v.startsWith("=")) {
      throw new CliException("invalid environment variable: " + v);
    }
    if (v.indexOf('=') > 0) {
      return v;
    }
    String fromCli = System.getenv(v);
    return fromCli == null ? v : v + "=" + fromCli;
  }
}
