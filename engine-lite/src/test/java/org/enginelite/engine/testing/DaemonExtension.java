package org.enginelite.engine.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real test daemon for a whole integration-test class, with the busybox image imported: started before the
 * class's first test, closed after its last (which removes everything the daemon made, also when tests failed).
 * Register it as {@code @RegisterExtension static final DaemonExtension DAEMON = DaemonExtension.withBusybox(..)}.
 */
public final class DaemonExtension implements BeforeAllCallback, AfterAllCallback {
  private final String busyboxRepo;
  private TestDaemon daemon;

  private DaemonExtension(String busyboxRepo) {
    this.busyboxRepo = busyboxRepo;
  }

  /** A daemon with the busybox rootfs imported as {@code repo:latest}. */
  public static DaemonExtension withBusybox(String repo) {
    return new DaemonExtension(repo);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    daemon = TestDaemon.start();
    BusyboxImage.importInto(daemon, busyboxRepo, "latest");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (daemon != null) {
      daemon.close();
    }
  }

  public TestDaemon daemon() {
    return daemon;
  }

  public RawApi api() {
    return daemon.api();
  }
}
