package org.enginelite.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One CLI invocation in-process against a socket, with what it printed and its exit status. */
public record CliRun(int status, String out, String err) {

  public static CliRun of(String host, String... args) {
    return withInput(host, new byte[0], args);
  }

  /** As {@link #of} with {@code input} on the CLI's stdin. */
  public static CliRun withInput(String host, byte[] input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int status = EngineLiteCli.execute(args, new java.io.ByteArrayInputStream(input), o, e, host);
    o.flush();
    return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
