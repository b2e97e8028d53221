package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.CliException;
import org.enginelite.cli.LocalTerminal;
import org.enginelite.cli.StreamDemux;
import org.enginelite.cli.flags.EnvSpecs;
import org.enginelite.cli.http.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exec [-d] [-i] [-t] [-e K=V] [-w DIR] [-u USER] CONTAINER COMMAND [ARG...]}: create the exec, start it attached,
 * copy its output, then exit with its exit code read from /exec/{id}/json, as docker exec.
 */
@Command(name = "exec", description = "Execute a command in a running container")
public final class ExecCommand extends ApiCommand {

  @Option(names = {"-d", "--detach"}, description = "Detached mode: run command in the background")
  boolean detach;

  @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
  boolean interactive;

  @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
  boolean tty;

  @Option(names = {"-e", "--env"}, description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container")
  String workdir;

  @Option(names = {"-u", "--user"}, description = "Username or UID")
  String user;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
  List<String> command;

  @Override
  protected int run() throws Exception {
    if (tty && interactive && !detach && !LocalTerminal.isTerminal(in())) {
      throw new CliException("the input device is not a TTY", 1);
    }
    JsonNode inspect = client().get("/containers/" + enc(container) + "/json");
    if (!inspect.path("State").path("Running").asBoolean()) {
      throw new CliException("Error response from daemon: container " + inspect.path("Id").asText()
          + " is not running");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("User", user == null ? "" : user);
    body.put("AttachStdin", interactive && !detach);
    body.put("AttachStdout", !detach);
    body.put("AttachStderr", !detach);
    body.put("Tty", tty);
    body.put("Env", EnvSpecs.parse(List.of(), env));
    body.put("WorkingDir", workdir == null ? "" : workdir);
    body.put("Cmd", command);
    String execId = client().post("/containers/" + enc(container) + "/exec", body).path("Id").asText();
    if (detach) {
      client().post("/exec/" + execId + "/start", Map.of("Detach", true, "Tty", tty));
      return 0;
    }
    byte[] start = org.enginelite.cli.Json.mapper().writeValueAsBytes(Map.of("Detach", false, "Tty", tty));
    try (HttpResponse r = client().stream("POST", "/exec/" + execId + "/start",
        Map.of("Connection", "Upgrade", "Upgrade", "tcp", "Content-Type", "application/json"),
        new java.io.ByteArrayInputStream(start), start.length);
        LocalTerminal terminal = tty && interactive ? LocalTerminal.raw(in()) : null) {
      if (terminal != null) {
        terminal.sizeQuery().ifPresent(size -> client().post("/exec/" + execId + "/resize?" + size, null));
      }
      if (interactive) {
        r.sendInput(in());
      }
      StreamDemux.copy(r.body(), out(), err(), tty);
    }
    out().flush();
    JsonNode result = client().get("/exec/" + execId + "/json");
    return result.path("ExitCode").asInt();
  }
}
