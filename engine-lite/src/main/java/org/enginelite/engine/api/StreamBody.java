package org.enginelite.engine.api;

/**
 * A response body produced over time: chunked HTTP ({@code logs?follow=1}, image import progress, {@code wait})
 * or, when {@code hijack} is set, Docker's raw stream after {@code 101 UPGRADED} ({@code attach}, exec start).
 * The writer runs on a worker thread and the response ends when it returns. A hijacked stream may also take
 * what the client sends ({@link StreamInput}).
 */
public record StreamBody(String contentType, boolean hijack, Writer writer, StreamInput input) {

  /** Produces the body. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(StreamSink sink) throws Exception;
  }

  public static StreamBody chunked(String contentType, Writer writer) {
    return new StreamBody(contentType, false, writer, null);
  }

  public static StreamBody hijacked(Writer writer) {
    return hijacked(writer, null);
  }

  /** A hijacked stream whose client also sends: its bytes go to {@code input} (null: they are dropped). */
  public static StreamBody hijacked(Writer writer, StreamInput input) {
    return new StreamBody("application/vnd.docker.raw-stream", true, writer, input);
  }
}
