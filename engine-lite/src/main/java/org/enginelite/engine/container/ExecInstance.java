package org.enginelite.engine.container;

import java.util.List;

/** One exec created by {@code POST /containers/{id}/exec}: what to run, and once run, its pid and exit code. */
final class ExecInstance {
  final String id;
  final String containerId;
  final List<String> cmd;
  final List<String> env;
  final String user;
  final String workingDir;
  final boolean tty;
  final boolean attachStdin;
  /** The process's stdin once it runs, for the client's input ({@code docker exec -i}). */
  final java.util.concurrent.CompletableFuture<java.io.OutputStream> stdin =
      new java.util.concurrent.CompletableFuture<>();
  volatile boolean running;
  volatile boolean started;
  volatile Integer exitCode;
  volatile int pid;

  ExecInstance(String id, String containerId, List<String> cmd, List<String> env, String user, String workingDir,
      boolean tty, boolean attachStdin) {
    this.id = id;
    this.containerId = containerId;
    this.cmd = List.copyOf(cmd);
    this.env = List.copyOf(env);
    this.user = user;
    this.workingDir = workingDir;
    this.tty = tty;
    this.attachStdin = attachStdin;
  }
}
