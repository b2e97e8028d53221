package org.enginelite.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.CliException;
import org.enginelite.cli.LocalTerminal;
import org.enginelite.cli.StreamDemux;
import org.enginelite.cli.http.HttpResponse;
import org.enginelite.terminal.DetachKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run [OPTIONS] IMAGE [COMMAND] [ARG...]}. With {@code -d} prints the id; otherwise, as docker run:
 * create, attach, open a wait, start, copy the output until the stream ends, and exit with the container's status.
 * With {@code -i} the CLI's stdin goes to the container's, and its end closes the container's stdin. With
 * {@code -t} the container has a terminal: its output is one raw stream, and with {@code -i} on a terminal the
 * user's terminal is raw and its size is the container's; ctrl-p ctrl-q detach and leave it running.
 */
@Command(name = "run", description = "Create and run a new container from an image")
public final class RunCommand extends ApiCommand {

  @Mixin
  ContainerOptions options;

  @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
  boolean detach;

  @Override
  protected int run() throws Exception {
    if (options.tty && options.interactive && !detach && !LocalTerminal.isTerminal(in())) {
      throw new CliException("the input device is not a TTY", 1);
    }
    JsonNode created = client().post(options.createPath(), options.request(!detach));
    printWarnings(created, err());
    String id = created.path("Id").asText();
    if (detach) {
      client().post("/containers/" + id + "/start", null);
      out().println(id);
      return 0;
    }
    try (HttpResponse stream = client().stream("POST",
        "/containers/" + id + "/attach?stderr=1&stdout=1&stream=1" + (options.interactive ? "&stdin=1" : ""),
        Map.of("Connection", "Upgrade", "Upgrade", "tcp"), null, -1)) {
      CompletableFuture<Integer> exit = ContainerWait.open(client(), id,
          options.autoRemove ? "removed" : "next-exit");
      try (LocalTerminal terminal = options.tty && options.interactive ? LocalTerminal.raw(in()) : null) {
        client().post("/containers/" + id + "/start", null);
        if (terminal != null) {
          terminal.sizeQuery().ifPresent(size -> client().post("/containers/" + id + "/resize?" + size, null));
        }
        if (options.interactive) {
          stream.sendInput(in(), options.tty ? DetachKeys.parse(DetachKeys.DEFAULT) : null);
        }
        try {
          StreamDemux.copy(stream.body(), out(), err(), options.tty);
        } catch (IOException e) {
          if (!stream.detached()) {
            throw e;
          }
        }
        out().flush();
        if (stream.detached()) {
          return 0; // ctrl-p ctrl-q: the container runs on, as after docker run -it
        }
      }
      try {
        return exit.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
  }

  static void printWarnings(JsonNode created, PrintStream err) {
    for (JsonNode w : created.path("Warnings")) {
      err.println("WARNING: " + w.asText());
    }
  }
}
