package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code image rm [-f] IMAGE...}: prints "Untagged: ..." and "Deleted: ..." lines as docker rmi. */
@Command(name = "rm", aliases = {"remove"}, description = "Remove one or more images")
public final class ImageRmCommand extends ApiCommand {

  @Option(names = {"-f", "--force"}, description = "Force removal of the image")
  boolean force;

  @Parameters(arity = "1..*", paramLabel = "IMAGE")
  List<String> images;

  @Override
  protected int run() {
    int status = 0;
    for (String image : images) {
      try {
        JsonNode removed = client().delete("/images/" + enc(image) + (force ? "?force=1" : ""));
        if (removed != null) {
          for (JsonNode item : removed) {
            if (item.hasNonNull("Untagged")) {
              out().println("Untagged: " + item.get("Untagged").asText());
            }
            if (item.hasNonNull("Deleted")) {
              out().println("Deleted: " + item.get("Deleted").asText());
            }
          }
        }
      } catch (ApiException e) {
        err().println("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
