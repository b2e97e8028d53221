package org.enginelite.ipam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enginelite.driver.ipam.IpamDriver;
import org.enginelite.driver.state.StateStore;
import org.enginelite.state.SqliteStateStore;
import org.enginelite.testkit.ipam.AbstractIpamDriverContractTest;
import org.junit.jupiter.api.io.TempDir;

class DefaultIpamDriverSqliteTest extends AbstractIpamDriverContractTest {
  @TempDir Path dir;

  @Override
  protected StateStore newStore() {
    try {
      return SqliteStateStore.open(Files.createTempDirectory(dir, "state"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected IpamDriver newDriver(StateStore store) {
    return new DefaultIpamDriver(store, DefaultAddressPools.docker(), HostNetworks.none());
  }
}
