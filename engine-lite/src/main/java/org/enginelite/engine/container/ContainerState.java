package org.enginelite.engine.container;

/**
 * A container's lifecycle state as stored. {@code status} is Docker's: created, running, paused, restarting,
 * exited, removing, dead; a paused container is still running (its processes are frozen), as in Docker. {@code stopRequested} marks an exit a user asked for (stop, kill, rm -f);
 * {@code manuallyStopped} survives until the next user start, so unless-stopped stays down.
 */
public record ContainerState(String status, int pid, int exitCode, String startedAt, String finishedAt,
    int restartCount, String error, boolean stopRequested, boolean manuallyStopped) {
  public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  public static ContainerState created() {
    return new ContainerState("created", 0, 0, ZERO_TIME, ZERO_TIME, 0, "", false, false);
  }

  public boolean running() {
    return status.equals("running") || status.equals("paused");
  }

  public boolean paused() {
    return status.equals("paused");
  }

  /** Running (paused or not) or waiting for the restart policy to start it again. */
  public boolean active() {
    return running() || status.equals("restarting");
  }

  public ContainerState started(int newPid, String at, int restarts) {
    return new ContainerState("running", newPid, 0, at, finishedAt, restarts, "", false, false);
  }

  public ContainerState exited(int code, String at, boolean restarting) {
    return new ContainerState(restarting ? "restarting" : "exited", 0, code, startedAt, at, restartCount, "",
        stopRequested, manuallyStopped);
  }

  public ContainerState failedStart(String message, int code) {
    return new ContainerState(status.equals("created") ? "created" : "exited", 0, code, startedAt,
        finishedAt, restartCount, message, false, manuallyStopped);
  }

  public ContainerState stopping() {
    return new ContainerState(status, pid, exitCode, startedAt, finishedAt, restartCount, error, true, true);
  }

  public ContainerState withStatus(String newStatus) {
    return new ContainerState(newStatus, pid, exitCode, startedAt, finishedAt, restartCount, error, stopRequested,
        manuallyStopped);
  }
}
