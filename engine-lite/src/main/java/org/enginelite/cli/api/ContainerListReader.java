package org.enginelite.cli.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET /containers/json} with jackson-core's streaming parser into {@link ContainerSummary} values.
 * {@code ps} is the verb typed most often; reading it without jackson-databind spares every call the
 * ObjectMapper's start-up, the larger part of the CLI's own time. Fields {@code ps} does not print are skipped.
 */
public final class ContainerListReader {

  private final JsonFactory factory;

  public ContainerListReader(JsonFactory factory) {
    this.factory = factory;
  }

  public List<ContainerSummary> read(byte[] json) throws IOException {
    List<ContainerSummary> out = new ArrayList<>();
    try (JsonParser p = factory.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        out.add(container(p));
      }
      expect(p.currentToken(), JsonToken.END_ARRAY);
    }
    return out;
  }

  private static ContainerSummary container(JsonParser p) throws IOException {
    String id = "";
    String image = "";
    String command = "";
    String status = "";
    long created = 0;
    List<String> names = List.of();
    List<ContainerSummary.Port> ports = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "Id" -> id = text(p);
        case "Image" -> image = text(p);
        case "Command" -> command = text(p);
        case "Status" -> status = text(p);
        case "Created" -> created = number(p);
        case "Names" -> names = strings(p);
        case "Ports" -> ports = ports(p);
        default -> p.skipChildren();
      }
    }
    return new ContainerSummary(id, names, image, command, created, status, ports);
  }

  private static List<String> strings(JsonParser p) throws IOException {
    List<String> out = new ArrayList<>();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return out;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(text(p));
    }
    return out;
  }

  private static List<ContainerSummary.Port> ports(JsonParser p) throws IOException {
    List<ContainerSummary.Port> out = new ArrayList<>();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return out;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String ip = "";
      String type = "tcp";
      int privatePort = 0;
      int publicPort = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "IP" -> ip = text(p);
          case "Type" -> type = p.currentToken() == JsonToken.VALUE_NULL ? type : text(p);
          case "PrivatePort" -> privatePort = (int) number(p);
          case "PublicPort" -> publicPort = (int) number(p);
          default -> p.skipChildren();
        }
      }
      out.add(new ContainerSummary.Port(ip, privatePort, publicPort, type));
    }
    return out;
  }

  /** A scalar as text, "" for null, an object or an array (as JsonNode.asText()); the value is consumed. */
  private static String text(JsonParser p) throws IOException {
    String s = p.currentToken() == JsonToken.VALUE_NULL ? "" : p.getValueAsString("");
    p.skipChildren();
    return s;
  }

  /** A number (or numeric text), else 0 (as JsonNode.asLong()); the value is consumed. */
  private static long number(JsonParser p) throws IOException {
    long n = p.getValueAsLong(0);
    p.skipChildren();
    return n;
  }

  private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) {
      throw new IOException("expected " + wanted + " in the container list, found " + actual);
    }
  }
}
