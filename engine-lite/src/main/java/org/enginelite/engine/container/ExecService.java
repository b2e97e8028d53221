package org.enginelite.engine.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.api.StreamInput;
import org.enginelite.engine.api.StreamSink;

/**
 * Docker's exec: an exec is created for a running container, started once with {@code runc exec} (its output
 * streamed to the client, framed unless a TTY was asked for), and inspected for its exit code. Execs live in
 * memory only, as in Docker.
 */
public final class ExecService implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ContainerService containers;
  private final RuncSupervisor runc;
  private final Map<String, ExecInstance> execs = new ConcurrentHashMap<>();

  ExecService(ContainerService containers, RuncSupervisor runc) {
    this.containers = containers;
    this.runc = runc;
  }

  /** {@code POST /containers/{id}/exec}: returns the exec id. */
  public String create(String ref, com.fasterxml.jackson.databind.JsonNode body) {
    ContainerRecord r = containers.record(ref);
    if (!r.state().running()) {
      throw new ConflictException("Container " + r.id() + " is not running");
    }
    if (r.state().paused()) {
      throw new ConflictException("Container " + r.id() + " is paused, unpause the container before exec");
    }
    List<String> cmd = ContainerSpec.strings(body.get("Cmd"), "Cmd");
    if (cmd.isEmpty()) {
      throw new InvalidParameterException("No exec command specified");
    }
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String id = HexFormat.of().formatHex(b);
    ContainerSpec spec = ContainerSpec.parse(r.request(), null);
    List<String> env = new ArrayList<>(OciSpecBuilder.envOf(spec, r.id()));
    env.addAll(ContainerSpec.strings(body.get("Env"), "Env"));
    String user = body.path("User").asText("");
    String wd = body.path("WorkingDir").asText("");
    execs.put(id, new ExecInstance(id, r.id(), cmd, env, user.isEmpty() ? spec.user() : user,
        wd.isEmpty() ? spec.workingDir() : wd, body.path("Tty").asBoolean(false),
        body.path("AttachStdin").asBoolean(false)));
    return id;
  }

  ExecInstance get(String id) {
    ExecInstance e = execs.get(id);
    if (e == null) {
      throw new NotFoundException("No such exec instance: " + id);
    }
    return e;
  }

  /** Starts the exec and streams its output to {@code sink} (null to detach); returns the exit code. */
  public int start(String id, StreamSink sink, boolean tty) throws IOException, InterruptedException {
    ExecInstance e = get(id);
    try {
      return run(e, sink, tty);
    } finally {
      // Input that arrives when the process never ran, or has ended, is dropped instead of waited for.
      e.stdin.completeExceptionally(new IOException("exec " + id + " is not running"));
    }
  }

  private int run(ExecInstance e, StreamSink sink, boolean tty) throws IOException, InterruptedException {
    synchronized (e) {
      if (e.started) {
        throw new ConflictException("exec " + e.id + " has already been started");
      }
      e.started = true;
    }
    if (!containers.isActive(e.containerId)) {
      throw new ConflictException("Container " + e.containerId + " is not running");
    }
    UserIds user = UserIds.resolve(e.user, containers.paths(e.containerId).rootfs());
    boolean withStdin = e.attachStdin && sink != null;
    ProcessBuilder pb = runc.exec(ContainerPaths.runcId(e.containerId), e.env, e.workingDir, user, e.cmd,
        e.tty);
    if (!withStdin && !e.tty) {
      // With a TTY the input stays an open pipe until the process ends: at the end of its input, script would
      // type an end-of-file character into the terminal.
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process p = pb.start();
    if (withStdin) {
      e.stdin.complete(p.getOutputStream());
    }
    e.pid = (int) p.pid();
    e.running = true;
    Thread err = pump(p.getErrorStream(), StreamFrames.STDERR, sink, tty || e.tty);
    pump(p.getInputStream(), StreamFrames.STDOUT, sink, tty || e.tty).join();
    err.join();
    int code = p.waitFor();
    if (!withStdin && e.tty) {
      p.getOutputStream().close();
    }
    e.exitCode = code;
    e.running = false;
    return code;
  }

  /**
   * The client's input for an exec started with {@code AttachStdin}: written to the process's stdin once it
   * runs, closed (end of file) when the client ends its input. Null when the exec takes no input.
   */
  public StreamInput stdinInput(String id) {
    ExecInstance e = get(id);
    if (!e.attachStdin) {
      return null;
    }
    return new StreamInput() {
      @Override
      public void data(byte[] bytes) throws IOException {
        OutputStream out = processStdin(e);
        out.write(bytes);
        out.flush();
      }

      @Override
      public void end() {
        try {
          processStdin(e).close();
        } catch (IOException ignored) {
          // the process is gone or never ran
        }
      }
    };
  }

  private static OutputStream processStdin(ExecInstance e) throws IOException {
    try {
      return e.stdin.get();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", ex);
    } catch (java.util.concurrent.ExecutionException ex) {
      throw new IOException("exec did not start", ex.getCause());
    }
  }

  private static Thread pump(InputStream in, int stream, StreamSink sink, boolean raw) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buf)) > 0; ) {
          if (sink != null) {
            sink.write(raw ? java.util.Arrays.copyOf(buf, n) : StreamFrames.frame(stream, buf, 0, n));
          }
        }
      } catch (IOException ignored) {
        // client gone: the process keeps running to its end, its output is dropped
      }
    }, "exec-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Whether the exec runs on a terminal. */
  public boolean hasTty(String id) {
    return get(id).tty;
  }

  /** Docker's {@code /exec/{id}/resize}: the window size of a running exec's terminal (none without a TTY). */
  public void resize(String id, int rows, int columns) throws InterruptedException {
    ExecInstance e = get(id);
    var size = TerminalResize.size(rows, columns);
    // Clients resize right after they start an exec, which may not have launched yet: wait a little, as Docker.
    for (int i = 0; i < 200 && !e.running && e.exitCode == null; i++) {
      Thread.sleep(10);
    }
    if (!e.running) {
      throw new ConflictException("exec " + id + " is not running");
    }
    if (e.tty) {
      TerminalResize.apply(e.pid, size); // the process started is script itself
    }
  }

  /** Docker's {@code /exec/{id}/json}. */
  public Map<String, Object> inspect(String id) {
    ExecInstance e = get(id);
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("ID", e.id);
    out.put("Running", e.running);
    out.put("ExitCode", e.exitCode);
    out.put("ProcessConfig", Map.of("tty", e.tty, "entrypoint", e.cmd.get(0),
        "arguments", e.cmd.subList(1, e.cmd.size()), "privileged", false, "user", e.user));
    out.put("OpenStdin", e.attachStdin);
    out.put("OpenStderr", true);
    out.put("OpenStdout", true);
    out.put("CanRemove", false);
    out.put("ContainerID", e.containerId);
    out.put("DetachKeys", "");
    out.put("Pid", e.pid);
    return out;
  }

  List<String> idsOf(String containerId) {
    return execs.values().stream().filter(e -> e.containerId.equals(containerId)).map(e -> e.id).toList();
  }

  @Override
  public void close() {
    execs.clear();
  }
}
