package org.enginelite.engine.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.engine.image.ImageRecord.ImageConfig;
import org.enginelite.engine.stack.ShellWords;

/**
 * {@code docker import --change}: the Dockerfile instructions an import may set (CMD, ENTRYPOINT, ENV, EXPOSE,
 * LABEL, USER, VOLUME, WORKDIR), JSON array or shell form, with Docker's messages for what it refuses.
 */
final class ImportChanges {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PORT = Pattern.compile("(\\d{1,5})(?:/(tcp|udp|sctp))?");

  private ImportChanges() {}

  static ImageConfig parse(List<String> changes) {
    ImageConfig base = ImageConfig.empty();
    List<String> cmd = base.cmd();
    List<String> entrypoint = base.entrypoint();
    List<String> env = new ArrayList<>(base.env());
    Set<String> exposed = new LinkedHashSet<>();
    Set<String> volumes = new LinkedHashSet<>();
    Map<String, String> labels = new LinkedHashMap<>();
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
        case "EXPOSE" -> words(arg).forEach(p -> exposed.add(port(p)));
        case "VOLUME" -> (arg.startsWith("[") ? jsonArray(arg) : words(arg)).forEach(v -> volumes.add(volume(v)));
        case "LABEL" -> words(arg).forEach(kv -> label(kv, labels));
        case "WORKDIR" -> workdir = arg;
        case "USER" -> user = arg;
        default -> throw new InvalidParameterException(c.substring(0, sp).toUpperCase()
            + " is not a valid change command");
      }
    }
    return new ImageConfig(cmd, entrypoint, env, workdir, user, List.copyOf(exposed), List.copyOf(volumes),
        labels);
  }

  /** "80" or "53/udp" as the key Docker uses, "80/tcp". */
  private static String port(String p) {
    Matcher m = PORT.matcher(p.toLowerCase());
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(1)) > 65535) {
      throw new InvalidParameterException("invalid containerPort: " + p);
    }
    return Integer.parseInt(m.group(1)) + "/" + (m.group(2) == null ? "tcp" : m.group(2));
  }

  private static String volume(String path) {
    if (!path.startsWith("/")) {
      throw new InvalidParameterException("invalid volume path \"" + path + "\": it must be absolute");
    }
    return path;
  }

  private static void label(String kv, Map<String, String> labels) {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw new InvalidParameterException("LABEL requires key=value: " + kv);
    }
    labels.put(kv.substring(0, eq), kv.substring(eq + 1));
  }

  private static List<String> words(String arg) {
    List<String> w = ShellWords.split(arg);
    if (w == null) {
      throw new InvalidParameterException("unmatched quote in change: " + arg);
    }
    return w;
  }

  private static List<String> jsonArray(String arg) {
    try {
      return List.of(JSON.readValue(arg, String[].class));
    } catch (Exception e) {
      throw new InvalidParameterException("invalid JSON array in change: " + arg);
    }
  }

  private static List<String> command(String arg) {
    return arg.startsWith("[") ? jsonArray(arg) : List.of("/bin/sh", "-c", arg);
  }
}
