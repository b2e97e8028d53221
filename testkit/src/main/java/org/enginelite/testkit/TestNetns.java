package org.enginelite.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace a test creates for itself with {@code ip netns add} (pinned at /run/netns/NAME, so code under
 * test can open it by path), and commands run inside it. Names start with "elt" so stray ones are recognisable.
 * Close it in a finally block or @AfterEach: the namespace and everything in it (links, iptables rules) goes.
 */
public final class TestNetns implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 20;
  private final String name;
  private final List<Process> background = new ArrayList<>();

  private TestNetns(String name) {
    this.name = name;
  }

  /** A new, empty namespace: only {@code lo}, and that down. */
  public static TestNetns create(String role) {
    String name = "elt" + role + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    TestNetns ns = new TestNetns(name);
    Result r = run(List.of("ip", "netns", "add", name));
    if (r.exitCode() != 0) {
      throw new IllegalStateException("ip netns add " + name + ": " + r.output());
    }
    return ns;
  }

  public String name() {
    return name;
  }

  /** Where the namespace is pinned: what {@code JoinSpec.netns} and {@code NetNs.open} take. */
  public Path path() {
    return Path.of("/run/netns", name);
  }

  /** Runs a command inside the namespace and waits (bounded) for it. */
  public Result exec(String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(List.of(command));
    return run(cmd);
  }

  /** Runs a command inside the namespace and returns its output, failing when it exits non-zero. */
  public String execOk(String... command) {
    Result r = exec(command);
    if (r.exitCode() != 0) {
      throw new AssertionError("in " + name + ": " + String.join(" ", command) + " exited " + r.exitCode()
          + ": " + r.output());
    }
    return r.output();
  }

  /** Starts a long-running command inside the namespace (a server); it is killed on {@link #close()}. */
  public Process spawn(String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      background.add(p);
      return p;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + cmd, e);
    }
  }

  /** True when {@code ping} from this namespace to {@code address} gets an answer within a second. */
  public boolean canPing(String address) {
    return exec("busybox", "ping", "-c", "1", "-W", "1", address).exitCode() == 0;
  }

  /** Kills background commands and deletes the namespace; safe to repeat. */
  @Override
  public void close() {
    for (Process p : background) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    background.clear();
    run(List.of("ip", "netns", "del", name));
  }

  /** A finished command: exit code and combined output. */
  public record Result(int exitCode, String output) {}

  private static Result run(List<String> cmd) {
    java.nio.file.Path out = null;
    try {
      out = java.nio.file.Files.createTempFile("elt-exec", ".out");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      p.getOutputStream().close();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return new Result(-1, "timed out: " + String.join(" ", cmd));
      }
      return new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
    }
  }

  @Override
  public String toString() {
    return "netns " + name;
  }
}
