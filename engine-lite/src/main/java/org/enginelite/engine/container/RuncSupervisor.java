package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.enginelite.driver.InternalException;

/**
 * Runs a container's process under runc without the daemon being its parent: {@code runc run} in the
 * foreground inside a shell in its own session, its stdout and stderr each stamped by a line-buffered awk into
 * the one log file, and the exit status written to the exit file (atomically, after the log is complete) when
 * runc returns. The container and its supervisor outlive a killed daemon; the next daemon reads the exit file.
 *
 * <p>With a TTY, runc gives the container a pseudo-terminal and, in the foreground, copies between it and a
 * terminal of its own, whose size it mirrors into the container's. util-linux {@code script} provides that
 * outer terminal (raw, no echo, so only the container's terminal echoes); runc's output, the terminal's raw
 * bytes, goes to the log as it is.
 */
final class RuncSupervisor {
  /**
   * $1 bundle, $2 runc id, $3 log, $4 exit file, $5 pid file, $6 stdin (/dev/null or the container's FIFO), $7
   * "keep" when the supervisor holds the FIFO open itself (stdin open beyond one attach), $8 "tty" for a
   * terminal. Lines are "O|E <epoch seconds> <text>". Both awks append to one file, so each line must leave in
   * one write(2): unbuffered mawk writes every print argument and ORS apart, hence ORS="" and the newline inside
   * the one string printed. script's -e returns runc's status.
   */
  private static final String SCRIPT = """
      [ "$7" = keep ] && exec 4<>"$6"
      if [ "$8" = tty ]; then
        export EL_BUNDLE="$1" EL_ID="$2" EL_PIDFILE="$5" EL_STDIN="$6"
        SHELL=/bin/sh script -E never -qfec \
          'stty raw -echo; exec runc run --bundle "$EL_BUNDLE" --pid-file "$EL_PIDFILE" "$EL_ID" <"$EL_STDIN"' \
          /dev/null </dev/null 4>&- >>"$3" 2>&1
        echo $? > "$4.tmp"
      else
        { { runc run --bundle "$1" --pid-file "$5" "$2" <"$6" 4>&- 2>&1 1>&3 3>&-; echo $? > "$4.tmp"; } \
        | mawk -W interactive 'BEGIN { ORS = "" } { print "E " systime() " " $0 "\\n" }' >> "$3"; } 3>&1 \
        | mawk -W interactive 'BEGIN { ORS = "" } { print "O " systime() " " $0 "\\n" }' >> "$3"
      fi
      mv -f "$4.tmp" "$4"
      """;

  private final ObjectMapper json;

  RuncSupervisor(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Launches the supervisor; returns at once. {@code keepStdin}: the supervisor holds the stdin FIFO open;
   * {@code tty}: the container has a terminal (its config says so too).
   */
  Process launch(String runcId, ContainerPaths paths, Path stdin, boolean keepStdin, boolean tty)
      throws IOException {
    return new ProcessBuilder("setsid", "sh", "-c", SCRIPT, "el-supervisor", paths.bundle().toString(), runcId,
        paths.log().toString(), paths.exitFile().toString(), paths.pidFile().toString(), stdin.toString(),
        keepStdin ? "keep" : "", tty ? "tty" : "")
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /**
   * Waits until runc has written the pid file (the process is running) and returns the pid. When the
   * supervisor ends first, the start failed: the message is runc's last stderr line.
   */
  int awaitStarted(ContainerPaths paths, Process supervisor, long logOffset) throws IOException,
      InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Optional<Integer> pid = readPid(paths.pidFile());
      if (pid.isPresent()) {
        return pid.get();
      }
      if (!supervisor.isAlive() || Files.exists(paths.exitFile())) {
        pid = readPid(paths.pidFile());
        if (pid.isPresent()) {
          return pid.get(); // it ran, and has already exited; the exit watcher reports that
        }
        throw new InternalException("OCI runtime create failed: " + lastStderr(paths.log(), logOffset));
      }
      Thread.sleep(1);
    }
    throw new InternalException("OCI runtime create timed out for " + paths.bundle());
  }

  private static Optional<Integer> readPid(Path pidFile) {
    try {
      String s = Files.readString(pidFile).trim();
      return s.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(s));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String lastStderr(Path log, long offset) throws IOException {
    if (!Files.exists(log)) {
      return "runc failed";
    }
    String tail = "runc failed";
    for (LogLine l : ContainerLog.readFrom(log, offset)) {
      if (l.stderr()) {
        tail = l.text();
      }
    }
    if (tail.equals("runc failed")) { // a terminal's raw log: runc's message is its last line
      String raw = new String(new ContainerLog.RawCursor(log, offset).readAll(), StandardCharsets.UTF_8);
      tail = raw.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse(tail);
    }
    return tail.replaceFirst("^time=\"[^\"]*\" level=\\w+ msg=", "");
  }

  /** {@code runc kill}: a signal by name or number to the container's init. */
  void kill(String runcId, String signal) {
    run(List.of("runc", "kill", runcId, signal), true);
  }

  /** {@code runc pause} / {@code runc resume}: freezes or thaws every process of the container (freezer cgroup). */
  void freeze(String runcId, boolean frozen) {
    run(List.of("runc", frozen ? "pause" : "resume", runcId), true);
  }

  /** runc's view of a container: its status and init pid, empty when runc does not know it. */
  Optional<JsonNode> state(String runcId) {
    if (!Files.exists(Path.of("/run/runc", runcId))) {
      return Optional.empty();
    }
    String out = run(List.of("runc", "state", runcId), false);
    try {
      return out.isBlank() ? Optional.empty() : Optional.of(json.readTree(out));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code runc ps}: the host's {@code ps -ef} lines of the container's processes, header first. */
  List<String> ps(String runcId) {
    String out = run(List.of("runc", "ps", runcId), true);
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  /** Forgets a container runc still lists (after a crash); safe to repeat. */
  void delete(String runcId) {
    if (Files.exists(Path.of("/run/runc", runcId))) {
      run(List.of("runc", "delete", "--force", runcId), false);
    }
  }

  /**
   * {@code runc exec} of a process in a running container, stdio piped to the caller. With a TTY, runc gives the
   * process a terminal and runs under {@code script} as the container's does (see the class comment).
   */
  ProcessBuilder exec(String runcId, List<String> env, String cwd, UserIds user, List<String> cmd, boolean tty) {
    List<String> argv = new ArrayList<>(List.of("runc", "exec"));
    if (tty) {
      argv.add("--tty");
    }
    for (String e : env) {
      argv.add("--env");
      argv.add(e);
    }
    if (cwd != null && !cwd.isEmpty()) {
      argv.add("--cwd");
      argv.add(cwd);
    }
    argv.add("--user");
    argv.add(user.uid() + ":" + user.gid());
    argv.add(runcId);
    argv.addAll(cmd);
    if (!tty) {
      return new ProcessBuilder(argv);
    }
    StringBuilder command = new StringBuilder("stty raw -echo; exec");
    argv.forEach(a -> command.append(" '").append(a.replace("'", "'\\''")).append('\''));
    ProcessBuilder pb = new ProcessBuilder("script", "-E", "never", "-qfec", command.toString(), "/dev/null");
    pb.environment().put("SHELL", "/bin/sh");
    return pb;
  }

  private static String run(List<String> argv, boolean failLoudly) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new InternalException(String.join(" ", argv) + " timed out");
      }
      if (p.exitValue() != 0 && failLoudly) {
        throw new InternalException(String.join(" ", argv) + ": " + out.trim());
      }
      return p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      throw new InternalException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InternalException("interrupted: " + String.join(" ", argv), e);
    }
  }
}
