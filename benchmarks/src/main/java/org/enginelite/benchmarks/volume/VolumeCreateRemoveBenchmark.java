package org.enginelite.benchmarks.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.enginelite.benchmarks.AbstractMicrobenchmark;
import org.enginelite.driver.volume.VolumeSpec;
import org.enginelite.mount.volume.VolumeService;
import org.enginelite.state.SqliteStateStore;
import org.enginelite.volume.local.LocalVolumeDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What {@code POST /volumes/create} plus {@code DELETE /volumes/{name}} cost below the HTTP layer: the local
 * driver's folder rename and the record, each in its own committed SQLite transaction, on the disk under
 * {@code /var/tmp} (not a tmpfs), as in the daemon. Set against volume-ops.sh's API figure it shows how much of a
 * request is the volume work itself.
 */
public class VolumeCreateRemoveBenchmark extends AbstractMicrobenchmark {
  private Path dir;
  private SqliteStateStore store;
  private VolumeService volumes;
  private long n;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory(Path.of("/var/tmp"), "el-volume-bench");
    store = SqliteStateStore.open(dir.resolve("state"));
    volumes = new VolumeService(store, List.of(LocalVolumeDriver.open(dir.resolve("volumes"), store)));
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public String createRemove() {
    String name = "bench-" + n++;
    volumes.create("local", VolumeSpec.named(name));
    volumes.remove(name, false);
    return name;
  }
}
