package org.enginelite.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CLI's one ObjectMapper, made on first use so verbs that need no trees or records do not pay for it, and
 * jackson-core's JsonFactory alone for the streaming reads and writes of the verbs typed most (ps, errors).
 */
public final class Json {

  private Json() {}

  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static final class FactoryHolder {
    static final JsonFactory FACTORY = new JsonFactory();
  }

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** The streaming parser and generator factory, without jackson-databind's start-up. */
  public static JsonFactory factory() {
    return FactoryHolder.FACTORY;
  }

  /** Indented as docker inspect prints it (Go's json.Indent with four spaces): "key": value, [] and {}. */
  public static String pretty(JsonNode node) {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(new DefaultIndenter("    ", "\n"))
        .withArrayIndenter(new DefaultIndenter("    ", "\n"));
    try {
      return mapper().writer(printer).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
