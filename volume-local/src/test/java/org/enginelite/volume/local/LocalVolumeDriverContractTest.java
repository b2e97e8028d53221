package org.enginelite.volume.local;

import java.nio.file.Path;
import org.enginelite.driver.volume.VolumeDriver;
import org.enginelite.state.SqliteStateStore;
import org.enginelite.testkit.volume.AbstractVolumeDriverContractTest;

class LocalVolumeDriverContractTest extends AbstractVolumeDriverContractTest {
  private SqliteStateStore store;

  @Override
  protected VolumeDriver openDriver(Path dir) {
    store = SqliteStateStore.open(dir.resolve("state"));
    return LocalVolumeDriver.open(dir.resolve("volumes"), store);
  }

  @Override
  protected void closeDriver() {
    store.close();
  }
}
