package org.enginelite.engine.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.image.ImageRecord.ImageConfig;

/**
 * {@code docker import --change}: the Dockerfile instructions an import may set (CMD, ENTRYPOINT, ENV, WORKDIR,
 * USER), JSON array or shell form.
 */
final class ImportChanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImportChanges() {}

  static ImageConfig parse(List<String> changes) {
    ImageConfig base = ImageConfig.empty();
    List<String> cmd = base.cmd();
    List<String> entrypoint = base.entrypoint();
    List<String> env = new ArrayList<>(base.env());
    String workdir = "";
    String user = "";
    for (String change : changes) {
      String c = change.trim();
      int sp = c.indexOf(' ');
      if (sp < 0) {
        throw new InvalidParameterException("dockerfile parse error: instruction without arguments: " + c);
      }
      String arg = c.substring(sp + 1).trim();
      switch (c.substring(0, sp).toUpperCase()) {
        case "CMD" -> cmd = command(arg);
        case "ENTRYPOINT" -> entrypoint = command(arg);
        case "ENV" -> env.add(arg.contains("=") ? arg : arg.replaceFirst("\\s+", "="));
        case "WORKDIR" -> workdir = arg;
        case "USER" -> user = arg;
        default -> throw new InvalidParameterException(c.substring(0, sp).toUpperCase()
            + " is not a valid change command");
      }
    }
    return new ImageConfig(cmd, entrypoint, env, workdir, user);
  }

  private static List<String> command(String arg) {
    if (arg.startsWith("[")) {
      try {
        return List.of(JSON.readValue(arg, String[].class));
      } catch (Exception e) {
        throw new InvalidParameterException("invalid JSON array in change: " + arg);
      }
    }
    return List.of("/bin/sh", "-c", arg);
  }
}
