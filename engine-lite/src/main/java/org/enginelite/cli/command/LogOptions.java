package org.enginelite.cli.command;

import static org.enginelite.cli.DaemonClient.enc;

import picocli.CommandLine.Option;

/** The flags docker logs and docker service logs share, and the query string they become. */
public final class LogOptions {

  @Option(names = {"-f", "--follow"}, description = "Follow log output")
  boolean follow;

  @Option(names = {"-n", "--tail"}, description = "Number of lines to show from the end of the logs (default \"all\")")
  String tail;

  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
  boolean timestamps;

  /** "stderr=1&stdout=1" plus the chosen flags. */
  public String query() {
    StringBuilder q = new StringBuilder("stderr=1&stdout=1");
    if (follow) {
      q.append("&follow=1");
    }
    if (tail != null) {
      q.append("&tail=").append(enc(tail));
    }
    if (timestamps) {
      q.append("&timestamps=1");
    }
    return q.toString();
  }
}
