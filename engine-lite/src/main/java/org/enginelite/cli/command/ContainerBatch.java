package org.enginelite.cli.command;

import java.io.PrintStream;
import java.util.List;
import org.enginelite.cli.ApiException;
import org.enginelite.cli.DaemonUnreachableException;

/**
 * Runs a verb on several containers as docker does: each name that succeeds is echoed, each failure printed and
 * the others still tried; the exit status is 1 when any failed.
 */
final class ContainerBatch {

  interface Action {
    void apply(String name);
  }

  private ContainerBatch() {}

  static int each(List<String> names, PrintStream out, PrintStream err, Action action) {
    int status = 0;
    for (String name : names) {
      try {
        action.apply(name);
        out.println(name);
      } catch (DaemonUnreachableException e) {
        throw e;
      } catch (ApiException e) {
        err.println("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
