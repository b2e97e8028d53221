package org.enginelite.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.DaemonClient;
import org.enginelite.cli.DaemonUnreachableException;
import org.enginelite.cli.VersionProvider;
import picocli.CommandLine.Command;

/** {@code version}: the client's block, then the server's from GET /version, laid out as docker version. */
@Command(name = "version", description = "Show the engine-lite version information")
public final class VersionCommand extends ApiCommand {

  @Override
  protected int run() {
    out().println("Client:");
    out().println(" Version:           " + VersionProvider.version());
    out().println(" API version:       " + DaemonClient.API_VERSION);
    out().println(" Java version:      " + System.getProperty("java.version"));
    out().println(" OS/Arch:           " + System.getProperty("os.name").toLowerCase() + "/"
        + System.getProperty("os.arch"));
    out().println();
    JsonNode v;
    try {
      v = client().get("/version");
    } catch (DaemonUnreachableException e) {
      out().flush();
      throw e;
    }
    out().println("Server: " + v.path("Platform").path("Name").asText("engine-lite"));
    out().println(" Engine:");
    out().println("  Version:          " + v.path("Version").asText());
    out().println("  API version:      " + v.path("ApiVersion").asText() + " (minimum version "
        + v.path("MinAPIVersion").asText() + ")");
    out().println("  Go version:       " + v.path("GoVersion").asText());
    out().println("  Git commit:       " + v.path("GitCommit").asText());
    out().println("  Built:            " + v.path("BuildTime").asText());
    out().println("  OS/Arch:          " + v.path("Os").asText() + "/" + v.path("Arch").asText());
    out().println("  Kernel version:   " + v.path("KernelVersion").asText());
    for (JsonNode c : v.path("Components")) {
      if (!c.path("Name").asText().equals("Engine")) {
        out().println(" " + c.path("Name").asText() + ":");
        out().println("  Version:          " + c.path("Version").asText());
      }
    }
    return 0;
  }
}
