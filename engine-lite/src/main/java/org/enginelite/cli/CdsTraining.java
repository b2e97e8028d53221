package org.enginelite.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.enginelite.cli.command.PsCommand;
import picocli.CommandLine;

/**
 * A run that loads the classes a typical CLI call needs, without a daemon, so bin/engine-lite can dump them into
 * an AppCDS archive (-XX:ArchiveClassesAtExit) on first use: every verb's command model, the unreachable-daemon
 * path, JSON parsing and the ps table.
 */
public final class CdsTraining {

  private static final String SAMPLE = "[{\"Id\":\"4f3c2b1a09876543210fedcba9876543210fedcba9876543210fedcba987654\","
      + "\"Names\":[\"/web\"],\"Image\":\"engine-lite/busybox\",\"Command\":\"httpd -f -p 80 -h /www\","
      + "\"Created\":1700000000,\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,"
      + "\"Type\":\"tcp\"}],\"Status\":\"Up 2 minutes\",\"State\":\"running\",\"Labels\":{}}]";

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    CommandLine all = CommandRegistry.commandLine(new EngineLiteCli(nowhere, nowhere, null), new String[0]);
    all.usage(nowhere);
    for (String verb : new String[] {"ps", "images", "logs", "inspect", "rm", "version", "run"}) {
      EngineLiteCli.execute(new String[] {"-H", "unix:///nonexistent/engine-lite-training.sock", verb, "x"},
          nowhere, nowhere, null);
    }
    nowhere.print(PsCommand.table(PsCommand.read(SAMPLE.getBytes(StandardCharsets.UTF_8)), false).render());
    nowhere.print(Json.pretty(Json.mapper().readTree(SAMPLE)));
    nowhere.flush();
  }
}
