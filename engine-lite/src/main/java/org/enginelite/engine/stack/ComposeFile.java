package org.enginelite.engine.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed compose file: the v3 subset {@code docker stack deploy} uses, as immutable records, in file order.
 * Unsupported keys are reported in {@link #warnings()}; invalid files throw
 * {@link org.enginelite.driver.InvalidParameterException} naming the file and line.
 *
 * @param version the file's version, "3" when it has none
 */
public record ComposeFile(
    String version,
    Map<String, ComposeService> services,
    Map<String, ComposeNetwork> networks,
    Map<String, ComposeVolume> volumes,
    List<ComposeWarning> warnings) {

  public ComposeFile {
    services = StackMaps.ordered(services);
    networks = StackMaps.ordered(networks);
    volumes = StackMaps.ordered(volumes);
    warnings = List.copyOf(warnings);
  }

  /**
   * Parses compose text.
   *
   * @param fileName how errors name the file ("docker-compose.yml")
   * @param env variables for {@code ${VAR}} substitution and for environment keys given without a value
   * @param projectDir the directory relative bind sources ("./data") are resolved against
   */
  public static ComposeFile parse(String fileName, String text, Map<String, String> env, Path projectDir) {
    return new ComposeParser(fileName, env, projectDir).parse(text);
  }
}
