package org.enginelite.cli;

import java.nio.file.Path;

/**
 * Where the daemon listens: {@code -H}, else {@code ENGINE_LITE_HOST}, else the default socket. Only unix sockets,
 * as the daemon serves nothing else.
 */
public record EngineHost(String uri, Path socket) {

  public static final String DEFAULT = "unix:///run/engine-lite/engine.sock";
  public static final String ENV = "ENGINE_LITE_HOST";

  public static EngineHost resolve(String flag) {
    String uri = flag;
    if (uri == null || uri.isBlank()) {
      uri = System.getenv(ENV);
    }
    if (uri == null || uri.isBlank()) {
      uri = DEFAULT;
    }
    return parse(uri);
  }

  public static EngineHost parse(String uri) {
    if (uri.startsWith("unix://")) {
      String path = uri.substring("unix://".length());
      if (path.startsWith("/")) {
        return new EngineHost(uri, Path.of(path));
      }
    } else if (uri.startsWith("/")) {
      return new EngineHost("unix://" + uri, Path.of(uri));
    }
    throw new CliException("invalid host \"" + uri + "\": engine-lite listens on a unix socket, give unix:///PATH");
  }

  /** The command that starts a daemon listening here. */
  public String startHint() {
    return DEFAULT.equals(uri) ? "bin/engine-lite daemon" : "bin/engine-lite daemon -H " + uri;
  }
}
