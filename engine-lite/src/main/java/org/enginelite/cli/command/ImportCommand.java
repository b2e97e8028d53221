package org.enginelite.cli.command;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import org.enginelite.cli.CliException;
import org.enginelite.cli.DaemonClient;
import org.enginelite.cli.Json;
import org.enginelite.cli.http.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE|- [REPOSITORY[:TAG]]}: sends a rootfs tarball to POST /images/create?fromSrc=- and prints
 * the new image id from the daemon's progress messages.
 */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image")
public final class ImportCommand extends ApiCommand {

  @Option(names = {"-c", "--change"}, description = "Apply Dockerfile instruction to the created image")
  List<String> changes = new ArrayList<>();

  @Option(names = {"-m", "--message"}, description = "Set commit message for imported image")
  String message;

  @Parameters(index = "0", paramLabel = "file|-")
  String source;

  @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
  String reference;

  @Override
  protected int run() throws Exception {
    StringBuilder q = new StringBuilder("/images/create?fromSrc=-");
    if (reference != null) {
      q.append("&repo=").append(DaemonClient.enc(reference));
    }
    if (message != null) {
      q.append("&message=").append(DaemonClient.enc(message));
    }
    for (String c : changes) {
      q.append("&changes=").append(DaemonClient.enc(c));
    }
    InputStream body;
    long length;
    if (source.equals("-")) {
      body = System.in;
      length = -1;
    } else {
      Path file = Path.of(source);
      try {
        length = Files.size(file);
        body = Files.newInputStream(file);
      } catch (NoSuchFileException e) {
        throw new CliException("open " + source + ": no such file or directory");
      }
    }
    try (body; HttpResponse r = client().stream("POST", q.toString(),
        Map.of("Content-Type", "application/x-tar"), body, length)) {
      printProgress(r.body());
    }
    return 0;
  }

  /** Prints each {"status": ...} message; an {"error": ...} message fails the command. */
  private void printProgress(InputStream in) throws Exception {
    try (MappingIterator<JsonNode> it = Json.mapper().readerFor(JsonNode.class)
        .without(JsonParser.Feature.AUTO_CLOSE_SOURCE).readValues(in)) {
      while (it.hasNext()) {
        JsonNode m = it.next();
        if (m.hasNonNull("error")) {
          throw new ApiException(500, m.get("error").asText());
        }
        if (m.hasNonNull("status")) {
          out().println(m.get("status").asText());
        }
      }
    }
  }
}
