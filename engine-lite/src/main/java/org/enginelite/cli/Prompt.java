package org.enginelite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The y/N question docker asks before prune and swarm leave. */
public final class Prompt {

  private Prompt() {}

  public static boolean confirm(PrintStream out, String warning) {
    out.print(warning + "\nAre you sure you want to continue? [y/N] ");
    out.flush();
    try {
      String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    } catch (IOException e) {
      return false;
    }
  }
}
