package org.enginelite.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.Format;
import org.enginelite.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code image ls [-q]}: REPOSITORY TAG IMAGE ID CREATED SIZE, one row per tag. */
@Command(name = "ls", aliases = {"list"}, description = "List images")
public final class ImageLsCommand extends ApiCommand {

  @Option(names = {"-q", "--quiet"}, description = "Only show image IDs")
  boolean quiet;

  @Option(names = {"-a", "--all"}, description = "Show all images")
  boolean all;

  @Override
  protected int run() {
    JsonNode images = client().get("/images/json");
    if (quiet) {
      images.forEach(i -> out().println(Format.shortId(i.path("Id").asText())));
      return 0;
    }
    Table t = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
    for (JsonNode i : images) {
      String id = Format.shortId(i.path("Id").asText());
      String created = Format.ago(i.path("Created").asLong());
      String size = Format.humanSize(i.path("Size").asDouble());
      if (!i.path("RepoTags").isArray() || i.path("RepoTags").isEmpty()) {
        t.row("<none>", "<none>", id, created, size);
        continue;
      }
      for (JsonNode tag : i.path("RepoTags")) {
        String ref = tag.asText();
        int colon = ref.lastIndexOf(':');
        boolean hasTag = colon > ref.lastIndexOf('/');
        t.row(hasTag ? ref.substring(0, colon) : ref, hasTag ? ref.substring(colon + 1) : "<none>", id, created,
            size);
      }
    }
    t.print(out());
    return 0;
  }
}
